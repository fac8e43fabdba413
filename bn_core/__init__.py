"""bn_core: the math of Batch Normalization in pure NumPy. Never imports streamlit or plotly."""

from .backward_report import UPSTREAM_KINDS, BackwardReport, backward_report, upstream_gradient
from .batchnorm import BNCache, batch_stats, batchnorm_backward, batchnorm_forward
from .conventions import CONVENTIONS, KERAS, PYTORCH, Convention, get_convention
from .gradcheck import bn_gradient_check, centred_difference, relative_error
from .layer import BatchNorm
from .minibatch import ImageBatchSpec, MiniBatchSpec, make_image_batch, make_minibatch
from .running import RunningStats, update_running
from .steps import FiveSteps, five_steps, identity_params, state_counts
from .staged import Graph, StagedGrads, staged_backward, staged_forward

__all__ = [
    "UPSTREAM_KINDS",
    "BackwardReport",
    "backward_report",
    "upstream_gradient",
    "FiveSteps",
    "ImageBatchSpec",
    "MiniBatchSpec",
    "five_steps",
    "identity_params",
    "make_image_batch",
    "make_minibatch",
    "state_counts",
    "BNCache",
    "BatchNorm",
    "CONVENTIONS",
    "Convention",
    "Graph",
    "KERAS",
    "PYTORCH",
    "RunningStats",
    "StagedGrads",
    "batch_stats",
    "batchnorm_backward",
    "batchnorm_forward",
    "bn_gradient_check",
    "centred_difference",
    "get_convention",
    "relative_error",
    "staged_backward",
    "staged_forward",
    "update_running",
]
