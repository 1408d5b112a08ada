"""tribune_analysis: read tribune's HDF5 outputs into xarray and pandas, and plot them.

    import tribune_analysis as ta
    ds = ta.open_run("results/baseline.h5")                 # city-wide series over `tick`
    dd = ta.open_run("results/baseline.h5", level="district")
    sw = ta.open_sweep("friction.h5")                       # series over `run` x `tick`
    ta.events("results/baseline.h5", "elections")           # a pandas DataFrame
    ta.plots.timeseries(sw, "protesters")                   # a matplotlib Figure
    ta.sweep_sobol(sw, "reforms_passed")                    # Sobol indices of a Saltelli sweep
    ta.summary_statistics("results/baseline.h5")            # final values, means and totals
    ta.headlines.read("results/baseline.h5")                # the headline outcomes (tribune compare)
    ta.regimes.regime_maps(ta.headlines.open_comparison("out/friction.h5"))  # which strategy wins where
"""
from . import plots
from .seal import CorruptFileError
from .io import IncompleteWarning, by_replicate, display_units, events, open_run, open_sweep, swept_parameters
from . import sobol
from .sobol import SobolSampleWarning, sobol_indices, sweep_sobol
from .statistics import STATISTICS, summary_statistics
from .patterns import PATTERNS, pattern
from . import calibrate
from . import headlines, regimes

__all__ = ["open_run", "open_sweep", "events", "by_replicate", "swept_parameters", "display_units", "sobol_indices",
           "sweep_sobol", "SobolSampleWarning", "sobol", "plots", "IncompleteWarning", "CorruptFileError", "summary_statistics", "STATISTICS", "PATTERNS", "pattern", "calibrate",
           "headlines", "regimes"]
__version__ = "0.1.0"
