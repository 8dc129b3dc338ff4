-- A space's status now holds only what a person decides. "Available" and "In use" were hand-set
-- guesses at occupancy, which is now derived from the entry log and the permits.
UPDATE `spaces` SET `status` = 'in_service' WHERE `status` IN ('available', 'in_use');
