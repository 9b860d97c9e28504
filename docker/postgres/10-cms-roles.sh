#!/usr/bin/env bash
# Run once by the postgres image on an empty volume (/docker-entrypoint-initdb.d): makes the CMS
# database's owner and app roles with cms-roles.sql (ADR 0009). The superuser stays for the DBA.
set -euo pipefail
: "${CMS_DB_OWNER_PASSWORD:?set CMS_DB_OWNER_PASSWORD}"
: "${CMS_DB_APP_PASSWORD:?set CMS_DB_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_role="${CMS_DB_OWNER_ROLE:-cms_owner}" -v owner_password="$CMS_DB_OWNER_PASSWORD" \
  -v app_role="${CMS_DB_APP_ROLE:-cms_app}" -v app_password="$CMS_DB_APP_PASSWORD" <<'SQL'
\o /dev/null
select set_config('cms.owner_role', :'owner_role', false), set_config('cms.owner_password', :'owner_password', false),
       set_config('cms.app_role', :'app_role', false), set_config('cms.app_password', :'app_password', false);
\o
\i /opt/cms/cms-roles.sql
SQL
