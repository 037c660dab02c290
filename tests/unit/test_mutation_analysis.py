"""The mutation operators of benchmarks/mutation_analysis.py make the mutants they promise, and
its runner gives every mutant the same start."""

import importlib.util
import shutil

from course_harness import REPO

_spec = importlib.util.spec_from_file_location(
    "mutation_analysis", REPO / "benchmarks" / "mutation_analysis.py")
mutation_analysis = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mutation_analysis)

SOURCE = '''def brighten(images, delta, rng):
    """Add delta, clip."""
    noise = rng.normal([tf.shape(images)[0], 1, 1, 1], stddev=0.1)
    wide = np.asarray(images).astype(np.int16) + delta
    return np.clip(wide + noise, 0, 255).astype(np.uint8)
'''


def test_each_operator_makes_its_mutant_and_ids_are_unique():
    made = mutation_analysis.mutants(SOURCE)
    operators = {operator for _, operator, _ in made}
    for wanted in ("arithmetic", "constant +1", "constant -1", "dtype", "clip() dropped",
                   "astype() dropped", "asarray() dropped", "arguments swapped",
                   "keyword stddev= dropped", "one draw per batch", "statement deleted"):
        assert wanted in operators, f"no {wanted!r} mutant among {sorted(operators)}"
    keys = [key for key, _, _ in made]
    assert len(keys) == len(set(keys)), "two mutants share an id"
    texts = [text for _, _, text in made]
    assert all(text != SOURCE for text in texts)
    per_batch = next(text for _, op, text in made if op == "one draw per batch")
    assert "rng.normal([1, 1, 1, 1]" in per_batch
    dropped = next(text for key, op, text in made if op == "clip() dropped")
    assert "np.clip" not in dropped and "(wide + noise).astype(np.uint8)" in dropped


def test_the_docstring_is_never_deleted_and_a_lone_return_is_kept():
    made = mutation_analysis.mutants('def f(x):\n    """Doc."""\n    return x\n')
    assert all("Doc." in text for _, _, text in made)
    assert not any(op == "statement deleted" for _, op, _ in made)


def test_trained_files_are_put_back_before_each_mutant_and_removed_for_a_training_cell():
    """ps08's mutants: the solution's trained files come back before every mutant, so that one
    mutant's training cannot leak into the next; a mutant of a training cell starts without
    them, so that it trains as its code says instead of loading the solution's run."""
    notebook = mutation_analysis.Notebook("ps01_pixels")
    trained = notebook.workdir / mutation_analysis.TRAINED
    trained.mkdir()
    (trained / "plain.keras").write_text("the solution's model")
    notebook.keep_trained()
    (trained / "plain.keras").write_text("a mutant's model")
    (trained / "extra.keras").write_text("left by a mutant")
    notebook.reset_trained(retrain=False)
    assert sorted(p.name for p in trained.iterdir()) == ["plain.keras"]
    assert (trained / "plain.keras").read_text() == "the solution's model"
    notebook.reset_trained(retrain=True)
    assert not trained.exists()
    shutil.rmtree(notebook.workdir)
    shutil.rmtree(notebook.trained)
