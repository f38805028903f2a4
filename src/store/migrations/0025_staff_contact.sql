-- An officer's work e-mail and phone, given by a staff import (or left empty): the contacts a
-- password-set link or a notice can be sent to. Optional: accounts created before have none.
ALTER TABLE staff_users ADD COLUMN email text;
ALTER TABLE staff_users ADD COLUMN phone text;
