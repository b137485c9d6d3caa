-- A member's last entry at a club (anti-passback and repeat scans) is read on every check-in,
-- while the club's row is locked. With only (member_id, server_time) and (location_id,
-- server_time), PostgreSQL combined both and read the member's whole history at the club:
-- 25 ms for a member with 900 check-ins, growing with every visit (the one-hour soak's answer
-- times rose with it). Newest first within member and club, it is one short index scan.
CREATE INDEX ix_checkin_member_location_time ON checkin (member_id, location_id, server_time);
