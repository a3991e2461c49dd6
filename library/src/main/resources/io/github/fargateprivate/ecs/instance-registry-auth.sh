# registryAuth instance: the ECS agent pulls from @REGISTRY@ with the credentials of this secret, read here from
# Secrets Manager with the instance role; user data carries only the secret's ARN. Every task on this instance pulls
# with them. Nothing below prints them.
secret='@SECRET@'
region='@REGION@'
if ! command -v aws >/dev/null 2>&1; then
  dnf install -y -q awscli-2 >/dev/null
fi
credentials="$(aws secretsmanager get-secret-value --region "$region" --secret-id "$secret" \
  --query SecretString --output text | tr -d '\r\n')"
case "$credentials" in
  '{'*'"username"'*'"password"'*'}' | '{'*'"password"'*'"username"'*'}') ;;
  *) echo "the secret $secret holds no {\"username\", \"password\"} JSON object; the agent gets no registry auth" >&2
     exit 1 ;;
esac
printf 'ECS_ENGINE_AUTH_TYPE=docker\nECS_ENGINE_AUTH_DATA={"%s":%s}\n' '@REGISTRY@' "$credentials" >> "$config"
unset credentials
