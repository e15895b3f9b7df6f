-- The audit trail becomes a hash chain, written only through audit_append (docs/decisions/0004).
--
-- Each row carries `seq` (1, 2, 3, … without gaps: "previous" is always seq - 1), `prev_hash` (the hash of
-- row seq - 1, 64 zeros for the first) and `hash` = sha256 of audit_row_content(...), which includes
-- prev_hash. Appends are serialised on the one row of audit_chain_head (locked until the writer commits),
-- so concurrent writers can never chain onto the same predecessor.

-- The application's database role: no owner rights. Roles are per cluster, so it may already exist.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'izis_app') THEN
    CREATE ROLE izis_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created meanwhile by another database's migration on the same server
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN seq bigint;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN prev_hash text;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN hash text;
--> statement-breakpoint
CREATE TABLE audit_chain_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);
--> statement-breakpoint
-- What a row's hash covers, as one canonical text: jsonb's output is canonical (keys ordered, one spacing)
-- and the instant is written in UTC, so the text does not depend on the session's time zone or on a
-- dump and restore.
CREATE FUNCTION audit_row_content(
  p_seq bigint, p_at timestamptz, p_actor_id uuid, p_actor_name text, p_action text, p_entity_type text,
  p_entity_id text, p_before jsonb, p_after jsonb, p_request_id text, p_prev_hash text
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_array(
    p_seq, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor_id, p_actor_name,
    p_action, p_entity_type, p_entity_id, p_before, p_after, p_request_id, p_prev_hash
  )::text
$$;
--> statement-breakpoint
CREATE FUNCTION audit_row_hash(
  p_seq bigint, p_at timestamptz, p_actor_id uuid, p_actor_name text, p_action text, p_entity_type text,
  p_entity_id text, p_before jsonb, p_after jsonb, p_request_id text, p_prev_hash text
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(audit_row_content(
    p_seq, p_at, p_actor_id, p_actor_name, p_action, p_entity_type, p_entity_id, p_before, p_after,
    p_request_id, p_prev_hash), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Existing rows join the chain in the order they were written.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  n bigint := 0;
  prev text := repeat('0', 64);
  h text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    h := audit_row_hash(n, r.at, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, r.before,
      r.after, r.request_id, prev);
    UPDATE audit_log SET seq = n, prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  INSERT INTO audit_chain_head (seq, hash) VALUES (n, prev);
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX audit_log_seq_idx ON audit_log (seq);
--> statement-breakpoint
-- The head moves only with the chain: no UPDATE except by audit_append's own statement, no DELETE.
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE OR TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- The one way rows enter the trail. `p_rows` is a JSON array of objects with the keys actor_id, actor_name,
-- action, entity_type, entity_id, before, after, request_id; the instant is the transaction's. Runs with
-- its owner's rights (the application's role may not INSERT into audit_log), with a fixed search_path so a
-- caller cannot substitute its own functions or tables. Returns the seq of the last row written.
CREATE FUNCTION audit_append(p_rows jsonb) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  r record;
  h text;
  at_now timestamptz := now();
BEGIN
  IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' THEN
    RAISE EXCEPTION 'audit_append expects a JSON array' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id FOR UPDATE;
  FOR r IN
    SELECT * FROM ROWS FROM (jsonb_to_recordset(p_rows) AS (actor_id uuid, actor_name text, action text,
      entity_type text, entity_id text, before jsonb, after jsonb, request_id text)) WITH ORDINALITY AS x
    ORDER BY x.ordinality
  LOOP
    head_seq := head_seq + 1;
    h := audit_row_hash(head_seq, at_now, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id,
      r.before, r.after, r.request_id, head_hash);
    INSERT INTO audit_log (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after,
      request_id, prev_hash, hash)
    VALUES (head_seq, at_now, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, r.before,
      r.after, r.request_id, head_hash, h);
    head_hash := h;
  END LOOP;
  UPDATE audit_chain_head SET seq = head_seq, hash = head_hash WHERE id;
  RETURN head_seq;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_append(jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO izis_app;
