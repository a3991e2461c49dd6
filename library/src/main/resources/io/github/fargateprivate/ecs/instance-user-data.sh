#!/bin/bash
# Container instance of the ECS cluster @CLUSTER@, written by fargate-private-registry (Ec2Capacity).
# cloud-init runs it once at first boot, before the ECS agent starts: ecs.service is ordered after cloud-final.
set -euo pipefail
umask 077
config="${ECS_CONFIG_FILE:-/etc/ecs/ecs.config}"
mkdir -p "$(dirname "$config")"
touch "$config"
chmod 600 "$config"
cat >> "$config" <<'CONFIG'
ECS_CLUSTER=@CLUSTER@
ECS_ENABLE_TASK_IAM_ROLE=true
ECS_AWSVPC_BLOCK_IMDS=true
CONFIG
