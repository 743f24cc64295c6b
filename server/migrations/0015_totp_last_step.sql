-- A TOTP code is accepted once: the time step of the last accepted code is kept, and a code of
-- that step or an earlier one is refused (RFC 6238 §5.2). Someone who saw a code being typed
-- cannot use it again in the same 30–60 seconds.
ALTER TABLE users ADD COLUMN totp_last_step bigint;
