-- Discovery details stored before the kernel's scrubbing rule (SecretScrubber) could repeat an apono secret parameter:
-- the postgresql connector wrote "could not connect to PostgreSQL at <where> as '<username>': <the server's answer>", and
-- servers name the user again in their answers (password authentication failed for user "<username>", role "<username>"
-- does not exist, ...). The parameters are sealed (AES-GCM), so SQL cannot look for their values in the text: of every
-- integration whose credentials are in the apono store, each message part that quotes a source's answer is removed, and
-- the fixed part before it kept. The next discovery (a refresh) writes the current, scrubbed message.
UPDATE integration
SET details = CASE
        WHEN details LIKE 'could not connect to PostgreSQL at %'
            THEN regexp_replace(details, ' as ''.*$', '')
        WHEN details LIKE 'PostgreSQL at % failed during discovery: %'
            THEN regexp_replace(details, ' failed during discovery: .*$', ' failed during discovery')
        WHEN details LIKE 'could not reach Kafka at %'
            THEN regexp_replace(details, '\): .*$', ')')
        WHEN details LIKE 'invalid Kafka client settings for %'
            THEN 'invalid Kafka client settings'
        WHEN details LIKE 'discovery failed: %'
            THEN 'discovery failed'
        ELSE substring(details FROM '^discovered [0-9]+ resources and [0-9]+ permissions') || '; some resource types could not be read'
    END || ' (the rest of this message was removed because it could repeat a secret parameter; refresh the integration to see '
           || 'the current one)'
WHERE secret_store_kind = 'apono'
  AND details IS NOT NULL
  AND (details LIKE 'could not connect to PostgreSQL at %'
    OR details LIKE 'PostgreSQL at % failed during discovery: %'
    OR details LIKE 'could not reach Kafka at %'
    OR details LIKE 'invalid Kafka client settings for %'
    OR details LIKE 'discovery failed: %'
    OR details ~ '^discovered [0-9]+ resources and [0-9]+ permissions; .*could not (read|list) ');
