"""``Record`` and ``FrozenRecord``: the bases of newslint's value classes (``Finding``, ``Config``...).

They used to be dataclasses. Making a dataclass runs generated source through ``exec`` for
each of its methods, and importing ``dataclasses`` imports ``inspect``: for the classes a check
needs, about 20 ms of every start-up, more than checking a short article. A record class is
written as the dataclass was, its fields annotated in order, and these bases give it what
``@dataclass`` generated from them, without generating code:

- ``__init__`` taking the fields in order, by position or by name, with the defaults given as
  class attributes or with ``field(default=..., default_factory=...)`` (unless the class
  writes its own: the classes made by the thousand do, for speed);
- ``__eq__`` (same class, equal fields), ``__repr__`` and ``__match_args__``; ``field(repr=False,
  compare=False, init=False)`` work as in dataclasses;
- for a ``FrozenRecord``: ``__hash__``, assignment raising ``dataclasses.FrozenInstanceError``,
  and pickling and copying through ``__init__``; a mutable ``Record`` is unhashable, as such a
  dataclass is.

A class with ``__slots__`` cannot have class attributes of the same names, so it gives its
defaults in the ``__init__`` it writes (with None standing for a ``_factories`` default):

    class TextEdit(FrozenRecord):
        __slots__ = ("start", "end", "text")
        start: int
        end: int
        text: str

        def __init__(self, start: int, end: int, text: str = "") -> None:
            _set = object.__setattr__  # frozen: as @dataclass(frozen=True) does
            _set(self, "start", start)
            _set(self, "end", end)
            _set(self, "text", text)

The ``dataclasses`` functions still work on records (``fields``, ``asdict``, ``astuple``,
``replace``, ``is_dataclass``): the dataclass description they read is made the first time one
of them asks for it.
"""

from __future__ import annotations

from operator import attrgetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, ClassVar

_MISSING = object()


class _Field:
    """What ``field(...)`` says about a field (the options of ``dataclasses.field`` newslint uses)."""

    __slots__ = ("default", "default_factory", "init", "repr", "compare")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | None, init: bool, repr: bool,
                 compare: bool) -> None:
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare = init, repr, compare


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None, init: bool = True,
          repr: bool = True, compare: bool = True) -> Any:
    """A field's default and options, as ``dataclasses.field`` takes them."""
    return _Field(default, default_factory, init, repr, compare)


class _DataclassDescription:
    """``__dataclass_fields__`` / ``__dataclass_params__`` of a record class, made on first use."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, instance: Any, owner: type) -> Any:
        if owner in (Record, FrozenRecord):
            raise AttributeError(self.attribute)  # the bases are no dataclasses
        fields, params = _describe(owner)
        owner.__dataclass_fields__ = fields  # from now on plain class attributes
        owner.__dataclass_params__ = params
        return fields if self.attribute == "__dataclass_fields__" else params


def _describe(owner: type) -> tuple[dict, Any]:
    """The fields and parameters ``@dataclass`` would give ``owner``: those of a throwaway
    dataclass with the same fields, defaults and options."""
    import dataclasses

    defaults = dict(owner._defaults)
    if "__init__" in vars(owner):  # the class's own __init__ has the defaults
        init = owner.__init__
        names = init.__code__.co_varnames[1:init.__code__.co_argcount]
        values = init.__defaults__ or ()
        defaults.update(zip(names[len(names) - len(values):], values))
    annotations = owner._annotations
    namespace: dict[str, Any] = {"__annotations__": {}, "__module__": owner.__module__,
                                 "__qualname__": owner.__qualname__}
    for name in owner._fields + owner._no_init:
        namespace["__annotations__"][name] = annotations.get(name, "Any")
        options: dict[str, Any] = {"repr": name not in owner._no_repr, "compare": name not in owner._no_compare}
        if name in owner._no_init:
            options["init"] = False
        if name in owner._factories:
            options["default_factory"] = owner._factories[name]
        elif name in defaults:
            options["default"] = defaults[name]
        namespace[name] = dataclasses.field(**options)
    frozen = issubclass(owner, FrozenRecord)
    shadow = dataclasses.dataclass(frozen=frozen)(type(owner.__name__, (), namespace))
    return shadow.__dataclass_fields__, shadow.__dataclass_params__


def _key_function(names: tuple[str, ...]) -> Any:
    """A function from a record to the tuple of its ``names`` fields."""
    if len(names) > 1:
        return attrgetter(*names)  # a tuple, in one C call
    get = attrgetter(names[0]) if names else None
    return staticmethod(lambda record: (get(record),) if get else ())  # attrgetter of one: the value alone


class Record:
    """Base class of a mutable value class (see the module's documentation)."""

    __slots__ = ()
    #: Worked out for each class from its annotations and class attributes (``__init_subclass__``):
    #: the fields that are parameters of ``__init__``, in order, and those that are not
    #: (``init=False``); those not shown by ``repr`` or not compared; the defaults and default
    #: factories; a function giving the compared fields as a tuple, and the fields shown.
    _fields: ClassVar[tuple[str, ...]] = ()
    _no_init: ClassVar[tuple[str, ...]] = ()
    _no_repr: ClassVar[frozenset[str]] = frozenset()
    _no_compare: ClassVar[frozenset[str]] = frozenset()
    _defaults: ClassVar[dict[str, Any]] = {}
    _factories: ClassVar[dict[str, Callable[[], Any]]] = {}
    _annotations: ClassVar[dict[str, Any]] = {}
    _key: ClassVar[Any] = None
    _shown: ClassVar[tuple[str, ...]] = ()

    __dataclass_fields__ = _DataclassDescription("__dataclass_fields__")
    __dataclass_params__ = _DataclassDescription("__dataclass_params__")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__module__ == __name__:
            return  # FrozenRecord, a base
        own = vars(cls)
        if "__annotations__" in own:
            annotations = {name: kind for name, kind in own["__annotations__"].items()
                           if not str(kind).startswith(("ClassVar", "typing.ClassVar"))}
            fields, no_init = [], []
            no_repr, no_compare = set(cls._no_repr), set(cls._no_compare)
            defaults, factories = {}, dict(cls._factories)
            for name in annotations:
                value = own.get(name, _MISSING)
                if isinstance(value, _Field):
                    if not value.repr:
                        no_repr.add(name)
                    if not value.compare:
                        no_compare.add(name)
                    (fields if value.init else no_init).append(name)
                    if value.default_factory is not None:
                        factories[name] = value.default_factory
                        delattr(cls, name)  # as dataclasses leaves it: no class attribute
                    elif value.default is not _MISSING:
                        defaults[name] = value.default
                        setattr(cls, name, value.default)
                    else:
                        delattr(cls, name)
                else:
                    fields.append(name)
                    if value is not _MISSING:
                        defaults[name] = value
            cls._fields, cls._no_init = tuple(fields), tuple(no_init)
            cls._no_repr, cls._no_compare = frozenset(no_repr), frozenset(no_compare)
            cls._defaults, cls._factories, cls._annotations = defaults, factories, annotations
        everything = cls._fields + cls._no_init
        cls._key = _key_function(tuple(name for name in everything if name not in cls._no_compare))
        cls._shown = tuple(name for name in everything if name not in cls._no_repr)
        cls.__match_args__ = cls._fields
        if "__init__" not in own and ("__annotations__" in own or cls.__init__ is object.__init__):
            cls.__init__ = _make_init(cls)  # (a subclass adding no field keeps its base's __init__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key(self) == self._key(other)
        return NotImplemented

    # Mutable and compared by value: unhashable, as such a dataclass is.
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{self.__class__.__qualname__}({shown})"


class FrozenRecord(Record):
    """Base class of an immutable value class (``@dataclass(frozen=True)``): assignment raises
    ``dataclasses.FrozenInstanceError``, instances hash by their fields, and ``__init__`` sets
    the fields with ``object.__setattr__``."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __setattr__(self, name: str, value: Any) -> None:
        _refuse(name)

    def __delattr__(self, name: str) -> None:
        _refuse(name)

    def __reduce__(self) -> Any:  # pickled and copied through __init__ (the default would assign)
        return self.__class__, tuple(getattr(self, name) for name in self._fields)


def _make_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` @dataclass would write for ``cls`` (for classes made a few times a run:
    the ones made often write their own, which is faster)."""
    fields, no_init = cls._fields, cls._no_init
    known = frozenset(fields)
    defaults, factories = cls._defaults, cls._factories
    assign = object.__setattr__
    name_of = cls.__qualname__

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(fields):
            raise TypeError(f"{name_of}.__init__() takes {len(fields) + 1} positional arguments "
                            f"but {len(args) + 1} were given")
        values = dict(zip(fields, args))
        for name, value in kwargs.items():
            if name not in known:
                raise TypeError(f"{name_of}.__init__() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{name_of}.__init__() got multiple values for argument {name!r}")
            values[name] = value
        for name in fields:
            if name not in values:
                if name in factories:
                    values[name] = factories[name]()
                elif name in defaults:
                    values[name] = defaults[name]
                else:
                    raise TypeError(f"{name_of}.__init__() missing 1 required positional argument: {name!r}")
        for name in no_init:
            if name in factories:
                values[name] = factories[name]()
            elif name in defaults:
                values[name] = defaults[name]
        for name, value in values.items():
            assign(self, name, value)

    __init__.__qualname__ = f"{name_of}.__init__"
    return __init__


def _refuse(name: str) -> None:
    from dataclasses import FrozenInstanceError  # only when someone tries

    raise FrozenInstanceError(f"cannot assign to field {name!r}")
