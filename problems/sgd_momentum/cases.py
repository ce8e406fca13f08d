"""Hidden cases for sgd_momentum. Each designed case targets one edge or one known mistake.

Every case calls sgd_momentum three times in a row, passing the returned config back:
(w, dw1, config) -> (next_w1, config1); (next_w1, dw2, config1) -> (next_w2, config2);
(next_w2, dw3, config2) -> (next_w3, config3). next_w1..3 and config3['velocity'] are judged.
"""
import numpy as np


def _case(name, why, w, dws, config):
    dw1, dw2, dw3 = (np.asarray(d, dtype=np.float64) for d in dws)
    return {"name": name, "why": why,
            "inputs": {"w": np.asarray(w, dtype=np.float64), "dw1": dw1, "dw2": dw2, "dw3": dw3, "config": config}}


def _grads(rng, shape, scale=1.0):
    return [scale * rng.standard_normal(shape) for _ in range(3)]


def designed(rng):
    cases = []
    N, D = 4, 5
    w = np.linspace(-0.4, 0.6, num=N * D).reshape(N, D)
    dw = np.linspace(-0.6, 0.4, num=N * D).reshape(N, D)
    v = np.linspace(0.6, 0.9, num=N * D).reshape(N, D)
    cases.append(_case("cs231n_notebook", "cs231n's check (learning rate 1e-3, a given velocity, default "
                       "momentum), then two more steps with other gradients", w, [dw, dw[::-1], 0.5 * dw],
                       {"learning_rate": 1e-3, "velocity": v}))

    cases.append(_case("empty_config", "config = {}: every default (learning rate 1e-2, momentum 0.9, zero "
                       "velocity) must be filled in, and the velocity carried to the next call",
                       rng.standard_normal((3, 4)), _grads(rng, (3, 4)), {}))

    cases.append(_case("custom_hyperparameters", "learning rate 0.1 and momentum 0.5 given: they must not be "
                       "replaced by the defaults", rng.standard_normal((5,)), _grads(rng, (5,)),
                       {"learning_rate": 0.1, "momentum": 0.5}))

    cases.append(_case("only_learning_rate", "only the learning rate is given: momentum 0.9 and a zero velocity "
                       "by default", rng.standard_normal((2, 3)), _grads(rng, (2, 3)), {"learning_rate": 0.05}))

    cases.append(_case("only_momentum", "only the momentum (0.99) is given", rng.standard_normal((4,)),
                       _grads(rng, (4,)), {"momentum": 0.99}))

    cases.append(_case("velocity_given", "a nonzero starting velocity with default hyperparameters: the first "
                       "step already moves by momentum * velocity", rng.standard_normal((3, 3)),
                       _grads(rng, (3, 3)), {"velocity": rng.uniform(-1.0, 1.0, (3, 3))}))

    cases.append(_case("zero_momentum", "momentum 0: plain SGD, the velocity is just -learning_rate * dw",
                       rng.standard_normal((6,)), _grads(rng, (6,)), {"learning_rate": 0.2, "momentum": 0.0}))

    g = rng.standard_normal((2, 4))
    cases.append(_case("coasting_zero_gradients", "one gradient, then two zero gradients: the weights keep "
                       "moving, each step 0.9 times the last", rng.standard_normal((2, 4)),
                       [g, np.zeros((2, 4)), np.zeros((2, 4))], {"learning_rate": 0.1}))

    g = rng.standard_normal((5,))
    cases.append(_case("opposing_gradients", "the gradient flips sign each call: the velocity shrinks and "
                       "turns", rng.standard_normal((5,)), [g, -g, g], {"learning_rate": 0.1, "momentum": 0.8}))

    cases.append(_case("conv_weight_4d", "a (2, 3, 2, 2) convolution weight: the velocity has the shape of w, "
                       "whatever it is", rng.standard_normal((2, 3, 2, 2)), _grads(rng, (2, 3, 2, 2)),
                       {"learning_rate": 0.03, "momentum": 0.7}))

    cases.append(_case("all_keys_given", "every key given, velocity included: nothing is defaulted",
                       rng.standard_normal((3, 2)), _grads(rng, (3, 2)),
                       {"learning_rate": 0.02, "momentum": 0.6, "velocity": rng.uniform(-0.5, 0.5, (3, 2))}))
    return cases


def random_case(rng, index):
    shape = tuple(int(s) for s in rng.integers(1, 7, int(rng.integers(1, 4))))
    config = {}
    keys = []
    if rng.random() < 0.6:
        config["learning_rate"] = float(10.0 ** rng.uniform(-3.0, -0.5))
        keys.append("learning_rate")
    if rng.random() < 0.6:
        config["momentum"] = float(rng.uniform(0.0, 0.99))
        keys.append("momentum")
    if rng.random() < 0.5:
        config["velocity"] = 0.1 * rng.standard_normal(shape)
        keys.append("velocity")
    scale = 10.0 ** rng.uniform(-2.0, 1.0)
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
            "dw3": rng.standard_normal(shape), "config": {"learning_rate": 1e-2, "momentum": 0.9}},
            # the timed call is the plan's last (the third): it reads w, dw, velocity
            # and writes velocity and next_w, 8 bytes each
            "flops": None, "bytes": 5 * 8 * n})
    return sizes
