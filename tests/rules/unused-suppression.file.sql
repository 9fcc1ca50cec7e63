-- A file suppression covers every statement, wherever it is.
CREATE TABLE a (at timestamp);
-- flyguard:ignore-file prefer-timestamptz -- legacy tables keep local times, see ADR 7
CREATE TABLE b (at timestamp);
-- flyguard:ignore-file ban-drop-column -- nothing to suppress -- expect: unused-suppression
