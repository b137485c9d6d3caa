-- The front desk in the web UI: members' photos, how each membership came about (a sale, a
-- renewal, a plan change) and what it follows, and whether staff overrode a check-in.

-- A member's photo as AV Gym stored it (re-encoded, at most a few hundred KB): kept apart from
-- the member row so that lists and check-ins never read the bytes.
CREATE TABLE member_photo (
    member_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    content_type VARCHAR(32)  NOT NULL,
    bytes        BYTEA        NOT NULL,
    byte_count   INTEGER      NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ck_member_photo_size CHECK (byte_count > 0)
);

-- Memberships recorded before this migration were all sales.
ALTER TABLE membership ADD COLUMN origin VARCHAR(16) DEFAULT 'SALE' NOT NULL;
ALTER TABLE membership ADD COLUMN follows_id BIGINT REFERENCES membership (id);
ALTER TABLE membership ADD CONSTRAINT ck_membership_origin
    CHECK (origin IN ('SALE', 'RENEWAL', 'PLAN_CHANGE'));

-- Staff let in someone the rules denied. Before this column, such a check-in was a manual one
-- recorded as warned with a reason the default policy denies.
ALTER TABLE checkin ADD COLUMN overridden BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE checkin SET overridden = TRUE
 WHERE staff_user IS NOT NULL AND decision = 'WARNED'
   AND reasons <> '' AND reasons <> 'REPEAT_SCAN' AND reasons <> 'NOT_INSIDE';

-- The check-in log pages newest first by (server_time, id).
CREATE INDEX ix_checkin_time_id ON checkin (server_time, id);
