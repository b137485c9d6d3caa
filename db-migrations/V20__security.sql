-- A user whose password was generated (the first administrator without a configured password)
-- must choose their own at the first login before anything else.
ALTER TABLE staff_user ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
