// The domain speaks in the foundation's times, dates, ids and JSON: whoever imports the
// domain gets them too.
@_exported import DossierFoundation
