#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory: one role and one database per
# service, each role owning only its database. Passwords come from the container's environment (docker-compose.yml).
set -eu

create() {
  role="$1"
  password="$2"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$role" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
}

create config_service "$CONFIG_SERVICE_DB_PASSWORD"
create environment_service "$ENVIRONMENT_SERVICE_DB_PASSWORD"
create oauth_service "$OAUTH_SERVICE_DB_PASSWORD"
create catalog_service "$CATALOG_SERVICE_DB_PASSWORD"
