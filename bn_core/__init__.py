"""bn_core: the math of Batch Normalization in pure NumPy. Never imports streamlit or plotly."""

from .backward_report import UPSTREAM_KINDS, BackwardReport, backward_report, upstream_gradient
from .batchnorm import BNCache, batch_stats, batchnorm_backward, batchnorm_forward
from .conventions import CONVENTIONS, KERAS, PYTORCH, Convention, get_convention
from .gradcheck import bn_gradient_check, centred_difference, relative_error
from .groupnorm import GroupNorm
from .layer import BatchNorm
from .minibatch import ImageBatchSpec, MiniBatchSpec, make_image_batch, make_minibatch
from .running import RunningStats, update_running
from .staged import Graph, StagedGrads, staged_backward, staged_forward
from .steps import FiveSteps, five_steps, identity_params, state_counts

__all__ = [
    "CONVENTIONS",
    "KERAS",
    "PYTORCH",
    "UPSTREAM_KINDS",
    "BNCache",
    "BackwardReport",
    "BatchNorm",
    "Convention",
    "FiveSteps",
    "Graph",
    "GroupNorm",
    "ImageBatchSpec",
    "MiniBatchSpec",
    "RunningStats",
    "StagedGrads",
    "backward_report",
    "batch_stats",
    "batchnorm_backward",
    "batchnorm_forward",
    "bn_gradient_check",
    "centred_difference",
    "five_steps",
    "get_convention",
    "identity_params",
    "make_image_batch",
    "make_minibatch",
    "relative_error",
    "staged_backward",
    "staged_forward",
    "state_counts",
    "update_running",
    "upstream_gradient",
]
