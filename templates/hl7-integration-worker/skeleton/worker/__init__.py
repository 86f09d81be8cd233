"""HL7v2 to FHIR R4 integration worker."""
