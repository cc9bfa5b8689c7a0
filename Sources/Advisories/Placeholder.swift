/// Placeholder.
enum AdvisoriesPlaceholder {}
