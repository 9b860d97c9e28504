-- The CMS database's two roles (ADR 0009), made by a superuser on the CMS database before the first
-- migration, and run again safely on every start of the embedded engines:
--   owner: owns the schema and runs the Flyway migrations; no superuser, no CREATEDB, no CREATEROLE;
--   app:   what the three apps connect as; the migrations grant it the DML it needs, nothing else.
-- Read from four settings, set in the same session first (docker/postgres/10-cms-roles.sh, cms-infra's
-- DatabaseRoles): cms.owner_role, cms.owner_password, cms.app_role, cms.app_password.
do $$
declare
    owner_role     text := current_setting('cms.owner_role');
    owner_password text := current_setting('cms.owner_password');
    app_role       text := current_setting('cms.app_role');
    app_password   text := current_setting('cms.app_password');
    r              record;
    role_name      text;
begin
    if owner_role = app_role then
        raise exception 'the owner and the app role must differ (both are %)', owner_role;
    end if;
    if coalesce(owner_password, '') = '' or coalesce(app_password, '') = '' then
        raise exception 'the owner and the app role need passwords';
    end if;
    foreach role_name in array array[owner_role, app_role] loop
        if not exists (select from pg_roles where rolname = role_name) then
            execute format('create role %I', role_name);
        end if;
    end loop;
    execute format('alter role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password %L',
                   owner_role, owner_password);
    execute format('alter role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password %L',
                   app_role, app_password);

    execute format('alter database %I owner to %I', current_database(), owner_role);
    execute format('revoke all on database %I from public', current_database());
    execute format('grant connect, temporary on database %I to %I', current_database(), app_role);
    execute format('alter schema public owner to %I', owner_role);
    revoke create on schema public from public;
    execute format('grant usage on schema public to %I', app_role);

    -- What a superuser made before these roles existed (an older installation migrated as postgres)
    -- becomes the owner's, so that its migrations can go on; identity sequences follow their tables.
    for r in select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
               and pg_get_userbyid(c.relowner) <> owner_role loop
        execute format('alter table %s owner to %I', r.name, owner_role);
    end loop;
    for r in select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> owner_role
               and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')) loop
        execute format('alter sequence %s owner to %I', r.name, owner_role);
    end loop;
    for r in select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> owner_role loop
        execute format('alter routine %s owner to %I', r.name, owner_role);
    end loop;
    for r in select t.oid::regtype::text as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
             where n.nspname = 'public' and t.typtype in ('e', 'c') and pg_get_userbyid(t.typowner) <> owner_role
               and not exists (select from pg_class c where c.oid = t.typrelid and c.relkind <> 'c') loop
        execute format('alter type %s owner to %I', r.name, owner_role);
    end loop;
end
$$;
