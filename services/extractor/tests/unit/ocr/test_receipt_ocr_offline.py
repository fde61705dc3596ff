"""The OCR engine runs on the models inside the installed package and never reaches for the network."""

from __future__ import annotations

import io
import socket
from pathlib import Path
from typing import NoReturn

import pytest
from PIL import Image, ImageDraw, ImageFont

rapidocr = pytest.importorskip("rapidocr", reason="the OCR engine (rapidocr + onnxruntime) is not installed")


def _text_image(text: str) -> bytes:
    img = Image.new("L", (520, 120), 255)
    ImageDraw.Draw(img).text((20, 30), text, fill=0, font=ImageFont.load_default(size=40))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def test_models_come_from_the_package_and_no_socket_is_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    from recon_extractor.ocr.rapidocr_engine import RapidOcrEngine, bundled_models

    package = Path(rapidocr.__file__).resolve().parent
    assert all(p.resolve().is_relative_to(package) for p in bundled_models().values())

    def no_network(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("the OCR engine tried to use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    lines = RapidOcrEngine(threads=1).read(_text_image("TOTAL 12.50"))
    assert "TOTAL 12.50" in " ".join(line.text for line in lines)
