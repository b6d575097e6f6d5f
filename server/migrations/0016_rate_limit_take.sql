-- Group-committed rate-limit takes: one call takes the tokens of many requests (one round trip and
-- one commit for all of them). Each take is the same upsert a lone take runs (refill, check, take),
-- one statement after another, so a key taken several times counts each in turn and every statement
-- sees what other instances committed: the buckets stay exact across instances. `takes` is a JSON
-- array of [key, now (ms)] in the order to take them (sorted by key by the caller, so two calls lock
-- their buckets in one order); answers one row per take: granted, or the tokens left when refused.
CREATE FUNCTION "rate_limit_take"("takes" jsonb, "burst" float8, "per_second" float8)
RETURNS TABLE("take_index" int, "granted" boolean, "left_tokens" float8)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	t record;
BEGIN
	FOR t IN SELECT (e.n - 1)::int AS n, e.value->>0 AS k, (e.value->>1)::bigint AS now FROM jsonb_array_elements("takes") WITH ORDINALITY AS e(value, n) ORDER BY e.n LOOP
		take_index := t.n;
		left_tokens := NULL;
		INSERT INTO "rate_limits" AS b ("key", "tokens", "at") VALUES (t.k, "burst" - 1, t.now)
			ON CONFLICT ("key") DO UPDATE SET "tokens" = least("burst", b."tokens" + greatest(0, t.now - b."at") / 1000.0 * "per_second") - 1, "at" = t.now
			WHERE least("burst", b."tokens" + greatest(0, t.now - b."at") / 1000.0 * "per_second") >= 1;
		granted := FOUND;
		IF NOT granted THEN
			SELECT least("burst", b."tokens" + greatest(0, t.now - b."at") / 1000.0 * "per_second") INTO left_tokens FROM "rate_limits" b WHERE b."key" = t.k;
		END IF;
		RETURN NEXT;
	END LOOP;
END;
$$;
