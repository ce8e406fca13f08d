"""`drill verify`: the bank's self-check passes on the shipped bank and catches a broken one."""
import json
import shutil

from conftest import ROOT


def test_verify_one_problem_prints_a_table(run):
    result = run("verify", "iou")
    assert result.exit_code == 0, result.output
    for words in ("metadata", "loop reference passes", "vectorized reference passes", "skeleton fails cleanly",
                  "mistake xywh_boxes", "all ok"):
        assert words in result.output


def test_verify_seed_problems_json(run):
    result = run("verify", "iou", "bn_forward", "bn_backward", "conv_forward", "conv_backward", "--json")
    data = json.loads(result.output)
    assert result.exit_code == 0, [c for c in data["checks"] if not c["ok"]]
    assert data["ok"] is True
    problems = {c["problem"] for c in data["checks"]}
    assert problems == {"iou", "bn_forward", "bn_backward", "conv_forward", "conv_backward"}
    mistakes = {c["check"] for c in data["checks"] if c["check"].startswith("mistake ")}
    for wanted in ("plus_one_pixels", "truncated_to_integer", "unclamped_overlap", "union_not_subtracted",
                   "xywh_boxes", "unbiased_variance", "missing_eps", "wrong_axis", "dvar_eps_slip",
                   "missing_mean_path", "mean_not_sum", "ignores_stride", "ignores_padding", "missing_bias",
                   "flipped_kernel", "padded_dx", "db_mean", "overwrite_not_accumulate"):
        assert f"mistake {wanted}" in mistakes


def _bank_copy(tmp_path, monkeypatch):
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "problems" / "iou", bank / "problems" / "iou")
    shutil.copytree(ROOT / "solutions" / "iou", bank / "solutions" / "iou")
    monkeypatch.setenv("DRILL_BANK", str(bank))
    return bank


def test_verify_catches_a_mistake_the_hidden_suite_misses(run, tmp_path, monkeypatch):
    bank = _bank_copy(tmp_path, monkeypatch)
    # a "mistake" that is in fact correct cannot fail the hidden suite
    shutil.copy(ROOT / "solutions" / "iou" / "loop.py", bank / "problems" / "iou" / "mistakes" / "xywh_boxes.py")
    result = run("verify", "iou")
    assert result.exit_code == 1
    assert "FAULT" in result.output and "mistake xywh_boxes" in result.output


def test_verify_catches_a_failing_reference_and_malformed_metadata(run, tmp_path, monkeypatch):
    bank = _bank_copy(tmp_path, monkeypatch)
    loop = bank / "solutions" / "iou" / "loop.py"
    loop.write_text(loop.read_text().replace("return inter / union", "return inter / union * 0.999"))
    result = run("verify", "iou", "--json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    faults = {c["check"] for c in data["checks"] if not c["ok"]}
    assert "loop reference passes" in faults and "references agree" in faults

    (bank / "problems" / "iou" / "problem.json").write_text("{ not json")
    result = run("verify")
    assert result.exit_code == 1 and "metadata" in result.output and "FAULT" in result.output
    assert run("list").exit_code == 2  # one line, not a traceback


def test_verify_sweeps_every_mistake_over_the_seeds_asked_for(run):
    result = run("verify", "iou", "--seeds", "3", "--json")
    assert result.exit_code == 0
    mistakes = [c for c in json.loads(result.output)["checks"] if c["check"].startswith("mistake ")]
    assert mistakes and all("fails at 3/3 seeds" in c["detail"] and "named only itself" in c["detail"]
                            for c in mistakes)
