"""Generate the external numbers for box_iou, nms, roc_auc and kmeans (group c1).

Run with the reference environment (PyTorch 2.x CPU, scikit-learn, numpy; no torchvision):

    /work/refenv/bin/python benchmarks/published/c1.py

It writes tests/data/box_iou.json, tests/data/nms.npz, tests/data/roc_auc.json and
tests/data/kmeans.json, which tests/test_published_c1.py checks both references against (that test
needs neither torch nor scikit-learn). Not run by the test suite.

Sources:
- box_iou: torchvision's own test vectors (pytorch/vision test/test_ops.py, class TestBoxIou:
  INT_BOXES/INT_BOXES2 with int_expected, FLOAT_BOXES with float_expected, rounded to 4 decimals
  there), plus torchvision.ops.box_iou's formula (torchvision/ops/boxes.py, _box_inter_union)
  evaluated with PyTorch in float64 on seeded boxes (pairs with a zero union are avoided: torchvision
  returns NaN there, this bank 0.0).
- nms: the inputs of torchvision's TestNMS.test_nms_ref (torch.manual_seed(seed); 1000 boxes from
  torch.rand, the last box built to have IoU = threshold + 1e-5 with the first) and the expected
  keep from its _reference_nms (greedy, box_iou, `iou <= threshold` survives), run here with
  PyTorch; the sort is made stable (descending, ties in index order) to match this bank's tie rule
  (a tie among 1000 float32 uniforms is possible). Plus TestNMS.test_nms_float16's three boxes.
- roc_auc: sklearn.metrics.roc_auc_score on seeded scores with and without ties.
- kmeans: sklearn.cluster.KMeans(init=<array>, n_init=1, max_iter=n_iters, tol=0, algorithm='lloyd')
  on seeded blobs where no cluster empties (scikit-learn relocates empty clusters, this bank does not)
  and no point is near a tie.
"""
import json
from pathlib import Path

import numpy as np
import torch
from sklearn.cluster import KMeans
from sklearn.metrics import roc_auc_score

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"

# ---- torchvision test/test_ops.py (TestBoxIou, TestNMS), copied as data
INT_BOXES = [[0, 0, 100, 100], [0, 0, 50, 50], [200, 200, 300, 300], [0, 0, 25, 25]]
INT_BOXES2 = [[0, 0, 100, 100], [0, 0, 50, 50], [200, 200, 300, 300]]
INT_EXPECTED = [[1.0, 0.25, 0.0], [0.25, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0625, 0.25, 0.0]]
FLOAT_BOXES = [[285.3538, 185.5758, 1193.5110, 851.4551], [285.1472, 188.7374, 1192.4984, 851.0669],
               [279.2440, 197.9812, 1189.4746, 849.2019]]
FLOAT_EXPECTED = [[1.0, 0.9933, 0.9673], [0.9933, 1.0, 0.9737], [0.9673, 0.9737, 1.0]]
NMS_FLOAT16_SCORES = [0.6370, 0.7569, 0.3966]


def torch_box_iou(boxes1, boxes2):
    """torchvision.ops.box_iou's computation (box_area, _box_inter_union), in PyTorch."""
    area1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    area2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    lt = torch.max(boxes1[:, None, :2], boxes2[:, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[:, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[:, :, 0] * wh[:, :, 1]
    union = area1[:, None] + area2 - inter
    return inter / union


def reference_nms(boxes, scores, iou_threshold):
    """torchvision's TestNMS._reference_nms, with a stable descending sort."""
    picked = []
    _, indexes = scores.sort(descending=True, stable=True)
    while len(indexes) > 0:
        current = indexes[0]
        picked.append(current.item())
        if len(indexes) == 1:
            break
        current_box = boxes[current, :]
        indexes = indexes[1:]
        rest_boxes = boxes[indexes, :]
        iou = torch_box_iou(rest_boxes, current_box.unsqueeze(0)).squeeze(1)
        indexes = indexes[iou <= iou_threshold]
    return picked


def create_tensors_with_iou(n, iou_thresh):
    """torchvision's TestNMS._create_tensors_with_iou."""
    boxes = torch.rand(n, 4) * 100
    boxes[:, 2:] += boxes[:, :2]
    boxes[-1, :] = boxes[0, :]
    x0, y0, x1, y1 = boxes[-1].tolist()
    iou_thresh += 1e-5
    boxes[-1, 2] += (x1 - x0) * (1 - iou_thresh) / iou_thresh
    scores = torch.rand(n)
    return boxes, scores


def box_iou_data():
    rng = np.random.default_rng(400)
    generated = []
    for n, m, ints in [(7, 5, False), (4, 9, True), (12, 12, False), (1, 6, False)]:
        def boxes(k):
            xy = rng.uniform(-20, 20, (k, 2))
            wh = rng.uniform(0.5, 15, (k, 2))
            b = np.concatenate([xy, xy + wh], axis=1)
            return np.round(b) if ints else b
        a, b = boxes(n), boxes(m)
        iou = torch_box_iou(torch.tensor(a, dtype=torch.float64), torch.tensor(b, dtype=torch.float64))
        assert torch.isfinite(iou).all()
        generated.append({"boxes_a": a.tolist(), "boxes_b": b.tolist(), "iou": iou.numpy().tolist(),
                          "source": "torchvision.ops.box_iou formula, PyTorch float64"})
    return {
        "torchvision_test_ops": [
            {"boxes_a": INT_BOXES, "boxes_b": INT_BOXES2, "iou": INT_EXPECTED, "atol": 1e-4,
             "source": "torchvision test/test_ops.py TestBoxIou int_expected"},
            {"boxes_a": FLOAT_BOXES, "boxes_b": FLOAT_BOXES, "iou": FLOAT_EXPECTED, "atol": 1e-3,
             "source": "torchvision test/test_ops.py TestBoxIou float_expected"},
        ],
        "torch_float64": generated,
    }


def nms_data():
    arrays = {}
    names = []
    for seed in (0, 1, 2):
        for thresh in (0.2, 0.5, 0.8):
            torch.random.manual_seed(seed)
            boxes, scores = create_tensors_with_iou(1000, thresh)
            keep = reference_nms(boxes.double(), scores.double(), thresh)
            name = f"seed{seed}_iou{thresh}"
            names.append(name)
            arrays[f"{name}_boxes"] = boxes.double().numpy()
            arrays[f"{name}_scores"] = scores.double().numpy()
            arrays[f"{name}_threshold"] = np.array(thresh)
            arrays[f"{name}_keep"] = np.array(keep, dtype=np.int64)
            ties = len(scores) - len(torch.unique(scores))
            print(f"nms {name}: kept {len(keep)} of 1000, {ties} tied scores")
    keep = reference_nms(torch.tensor(FLOAT_BOXES, dtype=torch.float64),
                         torch.tensor(NMS_FLOAT16_SCORES, dtype=torch.float64), 0.2)
    arrays["float16_test_boxes"] = np.array(FLOAT_BOXES)
    arrays["float16_test_scores"] = np.array(NMS_FLOAT16_SCORES)
    arrays["float16_test_threshold"] = np.array(0.2)
    arrays["float16_test_keep"] = np.array(keep, dtype=np.int64)
    names.append("float16_test")
    arrays["names"] = np.array(names)
    return arrays


def roc_auc_data():
    rng = np.random.default_rng(420)
    cases = []

    def add(name, scores, labels):
        cases.append({"name": name, "scores": [float(s) for s in scores], "labels": [int(v) for v in labels],
                      "auc": float(roc_auc_score(labels, scores))})

    add("sklearn_doc_example", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    add("all_tied", [0.3] * 6, [1, 0, 0, 1, 0, 1])
    for n, decimals in [(50, None), (200, 1), (500, 2), (2000, 1), (300, 0)]:
        labels = (rng.random(n) < rng.uniform(0.15, 0.6)).astype(int)
        labels[:2] = [0, 1]
        scores = rng.normal(0, 1, n) + rng.uniform(0.3, 1.5) * labels
        if decimals is not None:
            scores = np.round(scores, decimals)
        add(f"n{n}_rounded{decimals}", scores, labels)
    return cases


def kmeans_data():
    rng = np.random.default_rng(430)
    cases = []
    for n_per, d, k, n_iters in [(40, 2, 3, 1), (40, 2, 3, 3), (30, 5, 4, 2), (50, 3, 5, 10), (25, 8, 6, 4)]:
        while True:
            means = rng.uniform(-6, 6, (k, d))
            x = np.concatenate([m + rng.normal(0, 1.5, (n_per, d)) for m in means])
            x = x[rng.permutation(len(x))]
            init = x[rng.choice(len(x), k, replace=False)]
            ok = True
            # replay the iterations to rule out empty clusters and near-ties
            c = init.copy()
            for _ in range(n_iters + 1):
                dist = ((x[:, None] - c[None]) ** 2).sum(-1)
                part = np.sort(dist, axis=1)
                ok &= bool(np.all(part[:, 1] - part[:, 0] > 1e-6))
                lab = dist.argmin(1)
                ok &= bool(np.all(np.bincount(lab, minlength=k) > 0))
                c = np.stack([x[lab == j].mean(0) for j in range(k)]) if ok else c
            if ok:
                break
        km = KMeans(n_clusters=k, init=init, n_init=1, max_iter=n_iters, tol=0.0, algorithm="lloyd").fit(x)
        cases.append({"x": x.tolist(), "init_centers": init.tolist(), "n_iters": n_iters,
                      "centers": km.cluster_centers_.tolist(), "labels": km.labels_.astype(int).tolist(),
                      "sklearn_n_iter": int(km.n_iter_)})
        print(f"kmeans N={len(x)} D={d} K={k} max_iter={n_iters}: sklearn ran {km.n_iter_} iterations")
    return cases


def main():
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "box_iou.json").write_text(json.dumps(box_iou_data(), indent=1) + "\n")
    np.savez_compressed(DATA / "nms.npz", **nms_data())
    (DATA / "roc_auc.json").write_text(json.dumps(roc_auc_data(), indent=1) + "\n")
    (DATA / "kmeans.json").write_text(json.dumps(kmeans_data(), indent=1) + "\n")
    print("written to", DATA)


if __name__ == "__main__":
    main()
