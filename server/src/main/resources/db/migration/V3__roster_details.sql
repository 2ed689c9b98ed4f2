-- The roster's other columns, for the LMS exports the instructor downloads from the service.
ALTER TABLE principals ADD COLUMN email VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE principals ADD COLUMN section VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE principals ADD COLUMN sis_id VARCHAR(200) NOT NULL DEFAULT '';
