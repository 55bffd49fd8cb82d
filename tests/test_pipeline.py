"""miner.pipeline: the cycle collector around one document's extraction."""

from __future__ import annotations

import gc

import pytest

from miner import pipeline


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_collector_is_off_inside_and_on_after(collector_on):
    with pipeline.collector_paused():
        inside = gc.isenabled()
    assert (inside, gc.isenabled()) == (False, True)


def test_collector_left_off_when_it_was_off(collector_on):
    gc.disable()
    with pipeline.collector_paused():
        pass
    assert not gc.isenabled()


def test_what_a_loading_document_leaves_goes_to_the_old_generation_at_once(collector_on):
    gc.collect()
    with pipeline.collector_paused():
        loaded = [[n] for n in range(pipeline._LOADED + 1000)]  # a table of the process
    young, middle, old = gc.get_count()
    assert (young < 100, middle, old) == (True, 0, 1)
    assert len(loaded) == pipeline._LOADED + 1000


def test_an_ordinary_document_leaves_its_objects_to_the_automatic_passes(collector_on):
    gc.collect()
    with pipeline.collector_paused():
        kept = [[n] for n in range(5000)]
    gc.get_count()  # (an allocation: the young generation's automatic pass runs)
    _, middle, old = gc.get_count()
    assert (middle, old) == (1, 0)  # not sent to the old generation
    assert len(kept) == 5000
