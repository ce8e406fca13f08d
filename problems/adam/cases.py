"""Hidden cases for adam. Each designed case targets one edge or one known mistake.

Every case calls adam three times in a row, passing the returned config back:
(w, dw1, config) -> (next_w1, config1); (next_w1, dw2, config1) -> (next_w2, config2);
(next_w2, dw3, config2) -> (next_w3, config3). next_w1..3 and config3's m, v and t are judged.
"""
import numpy as np


def _case(name, why, w, dws, config):
    dw1, dw2, dw3 = (np.asarray(d, dtype=np.float64) for d in dws)
    return {"name": name, "why": why,
            "inputs": {"w": np.asarray(w, dtype=np.float64), "dw1": dw1, "dw2": dw2, "dw3": dw3, "config": config}}


def _grads(rng, shape, scale=1.0):
    return [scale * rng.standard_normal(shape) for _ in range(3)]


def _state(rng, shape, t):
    """A plausible state after t steps: m ~ gradients, v ~ their squares (v >= 0)."""
    return {"m": 0.1 * rng.standard_normal(shape), "v": 0.01 * rng.uniform(0.1, 1.0, shape), "t": t}


def designed(rng):
    cases = []
    N, D = 4, 5
    w = np.linspace(-0.4, 0.6, num=N * D).reshape(N, D)
    dw = np.linspace(-0.6, 0.4, num=N * D).reshape(N, D)
    m = np.linspace(0.6, 0.9, num=N * D).reshape(N, D)
    v = np.linspace(0.7, 0.5, num=N * D).reshape(N, D)
    cases.append(_case("cs231n_notebook", "cs231n's check (learning rate 1e-2, given m, v and t = 5), then two "
                       "more steps with other gradients", w, [dw, dw[::-1], -0.5 * dw],
                       {"learning_rate": 1e-2, "m": m, "v": v, "t": 5}))

    cases.append(_case("empty_config", "config = {}: every default filled in; the first step is t = 1, where "
                       "bias correction matters most", rng.standard_normal((3, 4)), _grads(rng, (3, 4)), {}))

    cases.append(_case("state_after_one_step", "m, v and t = 1 given, default hyperparameters: the calls are "
                       "steps 2, 3 and 4", rng.standard_normal((5,)), _grads(rng, (5,)), _state(rng, (5,), 1)))

    cases.append(_case("custom_hyperparameters", "learning rate, betas and epsilon all given and far from the "
                       "defaults: none may be replaced by a default", rng.standard_normal((2, 3)),
                       _grads(rng, (2, 3)), {"learning_rate": 0.05, "beta1": 0.5, "beta2": 0.9, "epsilon": 0.1}))

    cases.append(_case("tiny_gradients", "gradients ~1e-6 with epsilon 1e-8: sqrt(v_hat) ~1e-6 dominates "
                       "epsilon, so the step is still ~learning_rate; epsilon under the square root would "
                       "shrink it a hundredfold", rng.standard_normal((4,)), _grads(rng, (4,), 1e-6),
                       {"t": 2, "m": np.zeros(4), "v": np.zeros(4)}))

    cases.append(_case("late_in_training", "t = 1000 given: beta1**t is negligible but beta2**t is not, so "
                       "the second moment still needs its correction", rng.standard_normal((3, 3)),
                       _grads(rng, (3, 3)), _state(rng, (3, 3), 1000)))

    cases.append(_case("only_learning_rate", "only the learning rate (0.01) given: zero moments and t = 0 by "
                       "default", rng.standard_normal((6,)), _grads(rng, (6,)), {"learning_rate": 0.01}))

    g = rng.standard_normal((2, 4))
    g[0, 1] = g[1, 3] = 0.0
    cases.append(_case("zero_gradient_entries", "entries whose gradient stays exactly 0 from a zero state: "
                       "m = v = 0 there and the step must be 0, not 0/0", rng.standard_normal((2, 4)),
                       [g, 0.5 * g, -g], {"t": 3, "m": np.zeros((2, 4)), "v": np.zeros((2, 4))}))

    g = rng.standard_normal((5,))
    cases.append(_case("sign_flipping_gradients", "the gradient flips sign each call: m shrinks and turns while "
                       "v keeps growing", rng.standard_normal((5,)), [g, -g, g], _state(rng, (5,), 10)))

    cases.append(_case("large_gradients", "gradients ~1e3: Adam's step stays ~learning_rate whatever the "
                       "gradient's scale", rng.standard_normal((3, 2)), _grads(rng, (3, 2), 1e3),
                       {"t": 4, "m": np.zeros((3, 2)), "v": np.zeros((3, 2)), "learning_rate": 0.002}))

    cases.append(_case("conv_weight_4d", "a (2, 2, 3, 3) convolution weight with partial state (t and m given, "
                       "v missing)", rng.standard_normal((2, 2, 3, 3)), _grads(rng, (2, 2, 3, 3)),
                       {"t": 7, "m": 0.1 * rng.standard_normal((2, 2, 3, 3)), "beta2": 0.99}))

    config = {"learning_rate": 0.02, "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6}
    config.update(_state(rng, (4, 2), 20))
    cases.append(_case("all_keys_given", "every key given, state included: nothing is defaulted",
                       rng.standard_normal((4, 2)), _grads(rng, (4, 2)), config))
    return cases


def random_case(rng, index):
    shape = tuple(int(s) for s in rng.integers(1, 7, int(rng.integers(1, 4))))
    config, keys = {}, []
    if rng.random() < 0.5:
        config["learning_rate"] = float(10.0 ** rng.uniform(-4.0, -1.0))
    if rng.random() < 0.3:
        config["beta1"] = float(rng.uniform(0.5, 0.95))
    if rng.random() < 0.3:
        config["beta2"] = float(rng.uniform(0.9, 0.9999))
    if rng.random() < 0.7:  # most random cases continue a run (t >= 1), the others start one
        config.update(_state(rng, shape, int(rng.integers(1, 200))))
    keys = sorted(config)
    scale = 10.0 ** rng.uniform(-3.0, 1.0)
    return _case(f"random_{index}", f"seeded random w of shape {shape}, config keys {keys or 'none'}",
                 rng.standard_normal(shape), _grads(rng, shape, scale), config)


def timing_sizes():
    rng = np.random.default_rng(0)
    sizes = []
    for shape, label in [((32, 32), "w (32, 32)"), ((128, 128), "w (128, 128)"),
                         ((512, 512), "a 512x512 layer (262k weights)")]:
        n = int(np.prod(shape))
        sizes.append({"label": label, "inputs": {
            "w": rng.standard_normal(shape), "dw1": rng.standard_normal(shape), "dw2": rng.standard_normal(shape),
            "dw3": rng.standard_normal(shape), "config": {}},
            # the timed call is the plan's last (the third): it reads w, dw, m, v
            # and writes m, v, next_w, 8 bytes each
            "flops": None, "bytes": 7 * 8 * n})
    return sizes
