-- Razorpay: the event id header (x-razorpay-event-id) is not covered by the signature, so a
-- captured body replayed under a new event id must still apply once. effect_key names the
-- business effect (e.g. 'payment.captured:pay_X', 'refund.processed:rfnd_Y'); the unique index
-- makes the INSERT … ON CONFLICT DO NOTHING that records an event also its idempotency check.
ALTER TABLE payment_events ADD COLUMN effect_key text;
CREATE UNIQUE INDEX payment_events_effect_uq ON payment_events (provider, effect_key) WHERE effect_key IS NOT NULL;
