-- The start form preselects each group's last pack: its newest session by creation time. Without
-- this index that is a sort of every session the group ever had, once per group, on each open of
-- the start form (over ten years of weekly groups, hundreds of milliseconds on main).
CREATE INDEX sessions_by_cohort_created ON sessions (cohort_id, created_at_ms, id);
