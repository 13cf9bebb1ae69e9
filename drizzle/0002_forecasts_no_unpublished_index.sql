-- Nothing reads forecasts by published_at (publish selects the current rows and checks the column), and
-- the index cost every PUBACK's published_at update a second write per row.
DROP INDEX `forecasts_unpublished_idx` ON `forecasts`;