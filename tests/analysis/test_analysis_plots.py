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


def test_timeseries_of_a_sweep_has_median_and_bands_per_design_point(sweep_file, tmp_path):
    """Design points are never pooled: a line and two bands (50%, 90% of its replicates) each."""
    sw = ta.open_sweep(sweep_file)
    fig = ta.plots.timeseries(sw, "protesters")
    ax = fig.axes[0]
    points = np.unique(sw["point"].values)
    assert len(ax.lines) == len(points) == 4 and len(ax.collections) == 2 * 4
    for k, pt in enumerate(points):
        median = np.median(sw["protesters"].values[sw["point"].values == pt], axis=0)
        np.testing.assert_allclose(ax.lines[k].get_ydata(), median)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "threshold_mean=0.2, police_per_1000=1"
    one = ta.plots.timeseries(sw, "protesters", select={"point": 2}).axes[0]
    assert len(one.lines) == 1
    saved(fig, tmp_path, "sweep")


def test_timeseries_of_actors_draws_each_never_their_mean(run_file, tmp_path):
    orgs = ta.open_run(run_file, level="org")
    ax = ta.plots.timeseries(orgs, "members").axes[0]
    names = [str(n) for n in orgs["org_name"].values]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == names
    for k in range(len(names)):
        np.testing.assert_array_equal(ax.lines[k].get_ydata(), orgs["members"].isel(org=k).values)
    left = ta.plots.timeseries(orgs, "members", select={"org": "left_org"}).axes[0]
    assert len(left.lines) == 1
    np.testing.assert_array_equal(left.lines[0].get_ydata(), orgs["members"].isel(org=names.index("left_org")).values)
    with pytest.raises(ValueError, match="no org"):
        ta.plots.timeseries(orgs, "members", select={"org": "nonesuch"})


def test_compare_puts_scenarios_on_one_axis(sweep_file, tmp_path):
    sw = ta.open_sweep(sweep_file)
    low = sw.where(sw["mechanisms.mobilization.police_per_1000"] == 1, drop=True)
    high = sw.where(sw["mechanisms.mobilization.police_per_1000"] == 8, drop=True)
    fig = ta.plots.compare({"1 per 1,000": low, "8 per 1,000": high}, "arrests")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["1 per 1,000", "8 per 1,000"]
    assert len(ax.lines) == 2
    saved(fig, tmp_path, "compare")


def test_compare_refuses_to_average_actors(run_file):
    dd = ta.open_run(run_file, level="district")
    with pytest.raises(ValueError, match="per district"):
        ta.plots.compare({"a": dd, "b": dd}, "protesters")
    fig = ta.plots.compare({"a": dd, "b": dd}, "protesters", select={"district": "downtown"})
    assert len(fig.axes[0].lines) == 2


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


def test_phase_diagram_of_a_scattered_design_is_a_scatter_or_bins(saltelli_file, tmp_path):
    sw = ta.open_sweep(saltelli_file)
    x, y = sw.attrs["swept"]
    fig = ta.plots.phase_diagram(sw, "protesters", x=x, y=y, reduce="mean")
    ax = fig.axes[0]
    assert not ax.images and len(ax.collections) == 1  # one scatter, no grid of every distinct value
    assert len(ax.collections[0].get_offsets()) == len(np.unique(sw["point"].values))
    binned = ta.plots.phase_diagram(sw, "protesters", x=x, y=y, reduce="mean", bins=4).axes[0]
    assert binned.collections[0].get_array().shape == (16,)  # a 4 x 4 map
    saved(fig, tmp_path, "scatter")


def test_small_multiples_does_not_pool_design_points(sweep_file):
    sw = ta.open_sweep(sweep_file, level="district")
    with pytest.raises(ValueError, match="design points"):
        ta.plots.small_multiples(sw, "protesters")
    fig = ta.plots.small_multiples(sw, "protesters", select={"point": 1})
    assert len([a for a in fig.axes if a.get_visible()]) == sw.sizes["district"]


def test_sobol_bars(saltelli_file, tmp_path):
    with pytest.warns(ta.sobol.SobolSampleWarning, match="N = 8"):  # the fixture's 8 base rows are too few
        res = ta.sweep_sobol(ta.open_sweep(saltelli_file), "protesters", reduce="mean", n_boot=100)
    fig = ta.plots.sobol_bars(res)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(res.index)
    assert len(ax.patches) == 2 * len(res)
    assert ax.get_ylabel() == "Sobol index"
    assert "N = 8" in ax.get_title() and "too few samples" in ax.get_title()
    saved(fig, tmp_path, "sobol")
