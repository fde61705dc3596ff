"""The routes' side of sign-in: the request's user, the role a route needs, and 401/403/503 in the API's shape.

Each router is included with `require(writes=...)` (see app.py): reading needs any role, changing needs the
router's write role (admin holds every role)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.params import Depends as DependsParam
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from recon_gateway.api.errors import ApiError, error_response
from recon_gateway.api.schemas import ErrorResponse
from recon_gateway.auth.authenticators import Authenticator, NotSignedIn, TokenRefused
from recon_gateway.auth.issuer_keys import IssuerUnavailable
from recon_gateway.auth.roles import Role, User

READS = frozenset({"GET", "HEAD", "OPTIONS"})
RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "no bearer token, or one that is invalid or expired"},
    403: {"model": ErrorResponse, "description": "the token's user lacks the role this needs"},
}
bearer = HTTPBearer(auto_error=False, description="an access token of the OIDC issuer (OIDC_ISSUER, OIDC_AUDIENCE)")


class AuthError(ApiError):
    """An ApiError with the WWW-Authenticate header RFC 6750 asks for."""

    def __init__(self, status: int, code: str, message: str, challenge: str) -> None:
        super().__init__(status, code, message)
        self.challenge = challenge


async def current_user(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> User:
    authenticator: Authenticator = request.app.state.authenticator
    try:
        return await authenticator.user(credentials.credentials if credentials else None)
    except NotSignedIn as exc:
        message = "sign in first: send 'Authorization: Bearer <access token>'"
        raise AuthError(401, "not_signed_in", message, 'Bearer realm="card-recon"') from exc
    except TokenRefused as exc:
        challenge = f'Bearer error="invalid_token", error_description="{_quotable(str(exc))}"'
        raise AuthError(401, "invalid_token", str(exc), challenge) from exc
    except IssuerUnavailable as exc:
        raise ApiError(503, "issuer_unavailable", "sign-in cannot be checked now; try again shortly") from exc


def _quotable(text: str) -> str:
    """Printable ASCII without quotes or backslashes: safe inside a header's quoted string."""
    return "".join(c for c in text if " " <= c <= "~" and c not in '"\\')[:300]


UserDep = Annotated[User, Depends(current_user)]


def require(*, writes: Role) -> DependsParam:
    """A router's access rule: any role reads, `writes` (or admin) changes."""

    async def check(request: Request, user: UserDep) -> None:
        needed = None if request.method in READS else writes
        if not user.may(needed):
            wanted = f"the {needed} role" if needed else "a role (uploader, reviewer or admin)"
            held = ", ".join(sorted(user.roles)) or "none"
            message = f"{request.method} {request.url.path} needs {wanted}; {user.actor} has {held}"
            raise AuthError(403, "forbidden", message, 'Bearer error="insufficient_scope"')

    return Depends(check)


def install_auth_errors(app: FastAPI) -> None:
    @app.exception_handler(AuthError)
    async def _auth(_: Request, exc: AuthError) -> JSONResponse:
        response = error_response(exc.status, exc.code, exc.message)
        response.headers["WWW-Authenticate"] = exc.challenge
        return response
