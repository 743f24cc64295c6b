-- Who a session's user is (session, account, memberships, organisations) may be kept by a
-- server process for a short while (server/core/session.ts, ActorCache). Every change to those
-- rows tells all server processes to forget it: NOTIFY rondom_actor with the user's id, or '*'
-- for everyone. Notifications are sent when the transaction commits, and not at all when it
-- rolls back. Any change to a session row counts, also the once-a-minute touch of last_seen_at
-- (the reload after it is one statement per active user per minute).

CREATE FUNCTION rondom_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('rondom_actor', r.id::text);
  ELSE
    PERFORM pg_notify('rondom_actor', r.user_id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION rondom_actors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rondom_actor', '*');
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_actor_changed AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION rondom_actor_changed();
CREATE TRIGGER users_actor_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION rondom_actor_changed();
CREATE TRIGGER memberships_actor_changed AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION rondom_actor_changed();
CREATE TRIGGER organisations_actor_changed AFTER UPDATE OR DELETE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION rondom_actors_changed();
