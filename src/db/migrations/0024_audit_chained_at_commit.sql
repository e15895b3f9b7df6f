-- Issue 15 (mixed load): the audit chain's head is locked at commit, not from the first audit row on.
--
-- audit_append (0009) locked audit_chain_head when a transaction wrote its first audit row and held it until
-- that transaction committed — through every statement the application sent after it (notifications, the
-- submitter's lookup, …), each a round trip to a process that may be busy answering other requests. Under 300
-- users on two processes, sampling pg_stat_activity found most waiting backends waiting for that lock, and
-- every write queued behind the slowest one.
--
-- Now audit_append stages the rows (audit_pending, with the order they were given) and a deferred constraint
-- trigger chains them when the transaction commits: the head is locked for the time it takes to hash and
-- insert them, with no round trip in between. The chain is unchanged — same seq without gaps, same hashes,
-- same head, the instant still the transaction's — and a transaction that rolls back (or a savepoint rolled
-- back) leaves nothing staged. Rows are in audit_log once the transaction has committed; a statement outside
-- a transaction commits at once.
CREATE TABLE audit_pending (
  ord bigserial PRIMARY KEY,
  txid bigint NOT NULL DEFAULT txid_current(),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text
);
--> statement-breakpoint
CREATE INDEX audit_pending_txid_idx ON audit_pending (txid, ord);
--> statement-breakpoint
-- The application's role may read staged rows (its own, uncommitted: no other transaction's outlive their
-- commit) but not write them: they enter through audit_append only (db/privileges.ts, on every start).
REVOKE ALL ON TABLE audit_pending FROM PUBLIC;
--> statement-breakpoint
-- Same contract as before (0009): a JSON array of objects with the keys actor_id, actor_name, action,
-- entity_type, entity_id, before, after, request_id, chained in the order given. Returns the number of rows
-- staged (their seq is given at commit).
CREATE OR REPLACE FUNCTION audit_append(p_rows jsonb) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' THEN
    RAISE EXCEPTION 'audit_append expects a JSON array' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO audit_pending (actor_id, actor_name, action, entity_type, entity_id, before, after, request_id)
  SELECT x.actor_id, x.actor_name, x.action, x.entity_type, x.entity_id, x.before, x.after, x.request_id
  FROM ROWS FROM (jsonb_to_recordset(p_rows) AS (actor_id uuid, actor_name text, action text,
    entity_type text, entity_id text, before jsonb, after jsonb, request_id text)) WITH ORDINALITY AS x
  ORDER BY x.ordinality;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END;
$$;
--> statement-breakpoint
-- At commit: the transaction's staged rows join the chain in the order they were staged. The trigger fires
-- once per staged row; the first firing chains them all, the others find none and return at once.
CREATE FUNCTION audit_chain_pending() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t bigint := txid_current();
  head_seq bigint;
  head_hash text;
  r record;
  h text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_pending WHERE txid = t) THEN
    RETURN NULL;
  END IF;
  -- The data version's row first, then the head: the data version's own deferred trigger (0017) locks that
  -- row at commit too, before or after this one as the transaction's changes came, so two committing
  -- transactions taking the two locks in opposite orders could deadlock. One order for everyone.
  PERFORM 1 FROM data_version WHERE id FOR UPDATE;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id FOR UPDATE;
  FOR r IN SELECT * FROM audit_pending WHERE txid = t ORDER BY ord LOOP
    head_seq := head_seq + 1;
    h := audit_row_hash(head_seq, r.at, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id,
      r.before, r.after, r.request_id, head_hash);
    INSERT INTO audit_log (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after,
      request_id, prev_hash, hash)
    VALUES (head_seq, r.at, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, r.before,
      r.after, r.request_id, head_hash, h);
    head_hash := h;
  END LOOP;
  DELETE FROM audit_pending WHERE txid = t;
  UPDATE audit_chain_head SET seq = head_seq, hash = head_hash WHERE id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_chain_pending() FROM PUBLIC;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_chain AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_pending();
