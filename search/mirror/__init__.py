"""The database copy of every public search document: suggestions and the degraded search."""
