-- The v3 resource and permission pages are read in (type, name, id) and (resource_type, name) order with LIMIT/OFFSET.
-- These indexes give that order, so a page is read along the index without sorting the integration's whole inventory
-- (resource_integration_type lacked id; permission had only its primary key). The new resource index serves every query
-- the old one did (same leading columns), so the old one goes.
CREATE INDEX resource_integration_order ON resource (integration_id, type, name, id);
DROP INDEX resource_integration_type;
CREATE INDEX permission_integration_order ON permission (integration_id, resource_type, name);
