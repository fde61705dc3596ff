"""One error shape for every failure: {"error": {"code", "message", "details"}}, mapped once here."""

from __future__ import annotations

import re
import uuid

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from recon_contracts.errors import is_transient
from sqlalchemy.exc import DBAPIError, IntegrityError
from starlette.exceptions import HTTPException

log = structlog.get_logger(__name__)


class ApiError(Exception):
    """An expected failure with its HTTP status and machine-readable code."""

    def __init__(self, status: int, code: str, message: str, details: object = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def error_response(status: int, code: str, message: str, details: object = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "details": details}}, status_code=status)


_FOREIGN_ROW = re.compile(r"fk_(review_decisions|line_backings)_session_id_(transactions|expense_entries|receipts)")


def integrity_error(database_message: str) -> tuple[int, str, str]:
    """(status, code, message) for a constraint the database refused. The review rules the API checks first are
    constraints too: a request racing past the check is still told plainly what it broke."""
    if "xc_line_backings_" in database_message:
        return 409, "already_backed", "that expense entry or receipt already backs another card line"
    if _FOREIGN_ROW.search(database_message):
        return 422, "not_in_session", "the decision names a line, entry or receipt of another session"
    return 409, "conflict", "the change conflicts with existing data"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, f"http_{exc.status_code}", str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
        return error_response(422, "invalid_request", "the request is not valid", details)

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        log.warning("integrity error", error=str(exc.orig))
        return error_response(*integrity_error(str(exc.orig)))

    @app.exception_handler(DBAPIError)
    async def _database(request: Request, exc: DBAPIError) -> JSONResponse:
        # SQLSTATE class 22 is "data exception": the input itself cannot be stored (e.g. a NUL character).
        if str(getattr(exc.orig, "sqlstate", "") or "").startswith("22"):
            return error_response(400, "invalid_input", "the request holds a value that cannot be stored")
        return await _unexpected(request, exc)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        if is_transient(exc):
            log.warning("dependency unavailable", path=request.url.path, error=str(exc))
            return error_response(503, "unavailable", "a backing service is unavailable; try again shortly")
        error_id = str(uuid.uuid4())
        log.exception("unhandled error", error_id=error_id, path=request.url.path)
        return error_response(500, "internal_error", "an internal error occurred", {"error_id": error_id})
