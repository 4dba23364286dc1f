"""The accession and treaty tracker: who is in, on the way in, or out of each agreement, and why.

``observe`` reads one article; ``build_tracker`` combines the observations
of many articles with the documented memberships (``kb/data/treaties.yaml``)
into one row per agreement and state; ``dragoman.corpus.tracker`` records
observations as a corpus pass.  docs/tracker.md.
"""

from dragoman.tracker.cues import TrackerCues, tracker_cues
from dragoman.tracker.observe import RANK, observe
from dragoman.tracker.treaties import Treaties, treaties

__all__ = ["RANK", "Treaties", "TrackerCues", "observe", "tracker_cues", "treaties"]
