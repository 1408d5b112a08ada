"""Each plot returns a figure with the expected axes and labels, and writes a PNG."""
import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import tribune_analysis as ta  # noqa: E402


def saved(fig, tmp_path, name):
    path = tmp_path / f"{name}.png"
    fig.savefig(path)
    assert path.stat().st_size > 5000
    return path


def test_timeseries_of_one_run(run_file, tmp_path):
    fig = ta.plots.timeseries(ta.open_run(run_file), "org_members")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "tick (weeks)"
    assert ax.get_ylabel() == "org_members (persons)"
    assert len(ax.lines) == 1 and len(ax.lines[0].get_xdata()) == 70
    saved(fig, tmp_path, "run")


def test_timeseries_of_a_sweep_has_median_and_bands(sweep_file, tmp_path):
    sw = ta.open_sweep(sweep_file)
    fig = ta.plots.timeseries(sw, "protesters")
    ax = fig.axes[0]
    assert len(ax.collections) == 2  # the 50% and 90% bands
    median = np.median(sw["protesters"].values, axis=0)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), median)
    assert ax.get_legend() is not None
    saved(fig, tmp_path, "sweep")


def test_compare_puts_scenarios_on_one_axis(sweep_file, tmp_path):
    sw = ta.open_sweep(sweep_file)
    low = sw.where(sw["mechanisms.mobilization.police_per_1000"] == 1, drop=True)
    high = sw.where(sw["mechanisms.mobilization.police_per_1000"] == 8, drop=True)
    fig = ta.plots.compare({"1 per 1,000": low, "8 per 1,000": high}, "arrests")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["1 per 1,000", "8 per 1,000"]
    assert len(ax.lines) == 2
    saved(fig, tmp_path, "compare")


def test_small_multiples_has_a_panel_per_district(run_file, tmp_path):
    dd = ta.open_run(run_file, level="district")
    fig = ta.plots.small_multiples(dd, "grievance_mean")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == dd.sizes["district"]
    assert [ax.get_title() for ax in visible] == list(dd["district_name"].values)
    saved(fig, tmp_path, "districts")


def test_phase_diagram(sweep_file, tmp_path):
    sw = ta.open_sweep(sweep_file)
    x, y = sw.attrs["swept"][1], sw.attrs["swept"][0]
    fig = ta.plots.phase_diagram(sw, "protesters", x=x, y=y, reduce="mean")
    ax = fig.axes[0]
    assert ax.get_xlabel() == x and ax.get_ylabel() == y
    img = ax.images[0].get_array()
    assert img.shape == (2, 2)
    # The cell (threshold 0.2, police 1) is the mean over its three replicates of the mean over ticks.
    cell = sw["protesters"].mean("tick").values[(sw[y].values == 0.2) & (sw[x].values == 1)].mean()
    assert img[0, 0] == pytest.approx(cell, rel=1e-12)  # the same mean, summed in another order
    assert "protesters" in fig.axes[1].get_ylabel()  # the colour bar
    saved(fig, tmp_path, "phase")


def test_sobol_bars(saltelli_file, tmp_path):
    res = ta.sweep_sobol(ta.open_sweep(saltelli_file), "protesters", reduce="mean", n_boot=100)
    fig = ta.plots.sobol_bars(res)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(res.index)
    assert len(ax.patches) == 2 * len(res)
    assert ax.get_ylabel() == "Sobol index"
    saved(fig, tmp_path, "sobol")
