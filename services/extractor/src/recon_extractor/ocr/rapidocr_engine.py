"""`OcrEngine` on RapidOCR 3.10: PaddleOCR's PP-OCRv6-small detector and recogniser, run by onnxruntime.

Why this engine: it is the user's PaddleOCR models, the wheel ships them (nothing is fetched at run time,
the machines have no network), Apache-2.0, and no paddlepaddle. The models are those of RapidOCR's default
configuration; they are passed by path so that RapidOCR never reaches its download code, and a missing
file is an error at start instead of a download attempt. Asking RapidOCR for another language or version
would make it download, so that choice is not offered here.

Detection runs on the image scaled so its longer side is `DET_MAX_SIDE` pixels: RapidOCR's default
(shorter side at least 736) upsamples a 460 x 1000 receipt scan to 736 x 1600 and doubles detection time
for no gain on printed receipts (see bench/receipts_bench.py).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from recon_extractor.ocr.engine import OcrError, OcrLine

MODELS = {
    "Det.model_path": "PP-OCRv6_det_small.onnx",
    "Rec.model_path": "PP-OCRv6_rec_small.onnx",
    "Cls.model_path": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
DET_MAX_SIDE = 960


def bundled_models() -> dict[str, Path]:
    """RapidOCR's default model files inside its installed package; OcrError when one is missing."""
    root = Path(str(files("rapidocr"))) / "models"
    paths = {key: root / name for key, name in MODELS.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise OcrError(f"RapidOCR models missing from the installed package: {', '.join(missing)}")
    return paths


class RapidOcrEngine:
    """Loads the models once; `read` is then ~1 s for a receipt scan on one core."""

    name = "rapidocr"

    def __init__(self, threads: int = 1, det_max_side: int = DET_MAX_SIDE) -> None:
        from rapidocr import RapidOCR

        params: dict[str, Any] = {key: str(path) for key, path in bundled_models().items()}
        params |= {
            "Global.log_level": "error",
            "Det.limit_type": "max",
            "Det.limit_side_len": det_max_side,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        self._ocr = RapidOCR(params=params)
        self._det_max_side = det_max_side

    def _detect_at(self, side: int) -> None:
        # RapidOCR builds its detector on first use and reads the size from it on every call.
        self._ocr.cfg.Det.limit_side_len = side
        if self._ocr.text_det is not None:
            self._ocr.text_det.limit_side_len = side

    def read(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        self._detect_at(det_max_side or self._det_max_side)
        result: Any = self._ocr(image)  # a RapidOCROutput when detection and recognition both run
        if result.boxes is None or result.txts is None or result.scores is None:
            return []
        lines = []
        for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
            (ax, ay), (bx, by), (cx, cy), (dx, dy) = (tuple(map(float, p)) for p in box)
            lines.append(OcrLine(str(text), float(score), ((ax, ay), (bx, by), (cx, cy), (dx, dy))))
        return lines
