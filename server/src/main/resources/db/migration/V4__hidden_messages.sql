-- Hidden tests' messages, kept apart from the grading students read (grading.json never holds them):
-- shown only where the course's hidden_details = "after-deadline" and that student's deadline has passed.
ALTER TABLE results ADD COLUMN hidden_messages TEXT;
