using System.Reflection;
using System.Reflection.Emit;

namespace EdgeSentiment.Architecture.Tests;

/// <summary>
/// Which EdgeSentiment.* namespaces each EdgeSentiment.* namespace uses, read from the compiled
/// assemblies: every type's base type, interfaces, attributes, fields, properties, events, method
/// signatures and the types and members its method bodies' IL names. Reading the IL rather than the
/// source catches what a scan of <c>using</c> lines misses: fully qualified names, a parent
/// namespace used without a <c>using</c>, and code the compiler generates (lambdas, async state
/// machines, source-generated logging and JSON), whose nested types belong to their outer type's namespace.
/// </summary>
public sealed class NamespaceGraph
{
    private const string Prefix = "EdgeSentiment";
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    public void Add(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            if (type.Namespace is not { } from || !from.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var used in Uses(type))
            {
                Edge(from, used);
            }
        }
    }

    /// <summary>Every cycle found, one per namespace it starts from, as "A -> B -> A"; empty when there is none.</summary>
    public IReadOnlyList<string> FindCycles()
    {
        var cycles = new List<string>();
        foreach (var start in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start, new Dictionary<string, int>(StringComparer.Ordinal), []) is { } cycle && cycle.StartsWith(start + " ", StringComparison.Ordinal))
            {
                cycles.Add(cycle);
            }
        }

        return cycles;
    }

    private string? Visit(string node, Dictionary<string, int> state, List<string> path)
    {
        // 1: on the current path, 2: done.
        if (state.TryGetValue(node, out var seen))
        {
            return seen == 1 ? string.Join(" -> ", path[path.IndexOf(node)..].Append(node)) : null;
        }

        state[node] = 1;
        path.Add(node);
        foreach (var next in _edges.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
        {
            if (Visit(next, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node] = 2;
        return null;
    }

    private void Edge(string from, Type? used)
    {
        foreach (var ns in Namespaces(used))
        {
            if (!string.Equals(ns, from, StringComparison.Ordinal))
            {
                if (!_edges.TryGetValue(from, out var targets))
                {
                    _edges[from] = targets = new HashSet<string>(StringComparer.Ordinal);
                }

                targets.Add(ns);
            }
        }
    }

    private static IEnumerable<string> Namespaces(Type? type)
    {
        if (type is null)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var ns in Namespaces(type.GetElementType()))
            {
                yield return ns;
            }

            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var ns in Namespaces(argument))
                {
                    yield return ns;
                }
            }
        }

        if (!type.IsGenericParameter && type.Namespace is { } name && name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            yield return name;
        }
    }

    private static IEnumerable<Type?> Uses(Type type)
    {
        yield return type.BaseType;
        foreach (var item in type.GetInterfaces())
        {
            yield return item;
        }

        foreach (var attribute in type.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Declared))
        {
            yield return property.PropertyType;
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            yield return @event.EventHandlerType;
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var attribute in method.CustomAttributes)
            {
                yield return attribute.AttributeType;
            }

            foreach (var used in BodyUses(method))
            {
                yield return used;
            }
        }
    }

    /// <summary>The types the method's IL names: its locals, and the operands of calls, field accesses, casts, ldtoken, ...</summary>
    private static IEnumerable<Type?> BodyUses(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body?.GetILAsByteArray() is not { } il)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    yield return member as Type ?? member?.DeclaringType;
                    if (member is MethodInfo called)
                    {
                        yield return called.ReturnType;
                        foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                        {
                            yield return argument;
                        }
                    }
                    else if (member is FieldInfo field)
                    {
                        yield return field.FieldType;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
