"""Who is calling: OIDC bearer tokens (or the explicit dev user), their roles, and the routes' role checks."""
