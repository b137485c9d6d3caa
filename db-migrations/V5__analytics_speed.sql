-- Analytics in a cluster, and events by type read from the hourly roll-ups.
--
-- Events by type needs no new table or index: the hourly roll-up now also writes one row per
-- category and type (metric 'events.CATEGORY', subject the type) and an all-events row (metric
-- 'events', subject '') that marks the hour as rolled up; reads of those use V4's
-- (period, period_start, metric, subject) key, and the raw edges of a range V4's
-- (event_time, event_type, category) index.

-- Samples name the instance that took them (avgym.instance.id), so that instances sharing this
-- database keep their samples apart. Rows from before were taken by the one instance there was.
ALTER TABLE metric_sample ADD COLUMN instance VARCHAR(64) DEFAULT 'local' NOT NULL;
