-- A session's once-a-minute touch (last_seen_at) changes nothing a server process keeps about
-- who the user is (server/core/session.ts, ActorCache): it no longer sends NOTIFY rondom_actor.
-- Before, every active user's touch evicted their cached session in every process and a reload
-- followed — in a burst when many sessions had been touched at the same moment. Any other change
-- to a session row, and its end, still notify.
DROP TRIGGER sessions_actor_changed ON sessions;
CREATE TRIGGER sessions_actor_changed AFTER UPDATE ON sessions
  FOR EACH ROW WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at'))
  EXECUTE FUNCTION rondom_actor_changed();
CREATE TRIGGER sessions_actor_ended AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION rondom_actor_changed();
