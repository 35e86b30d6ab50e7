-- Provider registration (信息提供单位登记): the type under which an organization provides and the channel
-- its records arrive through. Xiamen's judicial organs and stationed units have their own type and channel
-- (000 第十二条(三); R18); Weihai's other organs and Nantong's associations provide voluntarily under the same
-- rules (003 第三十七条; 004 第四十一条; R19). Which types a city allows is the profile's to say
-- (src/core/policy/provider-types.ts); the table only keeps out what no city has.
-- Organizations loaded before registration existed keep both columns null until the center registers them.
ALTER TABLE organization
  ADD COLUMN provider_type text CHECK (provider_type IN (
    'STATE_ORGAN', 'ADMINISTRATIVE_ORGAN', 'JUDICIAL_ORGAN', 'AUTHORIZED_ORGANIZATION',
    'MASS_ORGANIZATION', 'STATIONED_UNIT', 'VOLUNTARY')),
  ADD COLUMN collection_channel text CHECK (collection_channel IN (
    'SYSTEM_INTEGRATION', 'FILE_REPORTING', 'JUDICIAL_AND_STATIONED_UNITS', 'EXCHANGE_PLATFORM',
    'DISTRICT_SUBSYSTEM', 'PROVINCIAL_PUSH', 'SAME_LEVEL_PUSH')),
  -- A type comes with a channel, and only a provider has either.
  ADD CONSTRAINT organization_provider_registration CHECK (
    (provider_type IS NULL) = (collection_channel IS NULL) AND (provider_type IS NULL OR is_provider));
