using System.Collections;
using System.Reflection;
using LiteDB;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// Closes a LiteDB database so that no transaction of it can be finalized later. LiteDB 5 gives each
/// transaction a finalizer that repeats the whole rollback on the finalizer thread; after a failed
/// write (a full disk) that rollback can fail with "discarded page must be writable" once in the
/// engine and again in the finalizer, where an exception ends the process, minutes after the disk
/// filled up (LiteDB issues 2288 and 2828). The transactions are taken before the engine is
/// disposed and their finalizers are suppressed after it: the database file is already consistent
/// through its journal, and the pages those transactions hold are garbage with the engine.
/// </summary>
internal static class LiteDbClosing
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    /// <summary>Disposes <paramref name="db"/>; the exception of a failed dispose is passed on, the finalizers are suppressed all the same.</summary>
    public static void Close(LiteDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transactions = OpenTransactions(db);
        try
        {
            db.Dispose();
        }
        finally
        {
            foreach (var transaction in transactions)
            {
                // Deliberately on another object: LiteDB's own finalizer is the hazard being removed.
#pragma warning disable CA1816
                GC.SuppressFinalize(transaction);
#pragma warning restore CA1816
            }
        }
    }

    /// <summary>
    /// The engine's transactions (LiteDatabase._engine._monitor._transactions in LiteDB 5.0); empty
    /// when the engine is not a LiteEngine. A LiteDB whose fields are named otherwise throws here, so
    /// an upgrade cannot silently lose the protection (a test opens a transaction and finds it).
    /// </summary>
    internal static IReadOnlyList<object> OpenTransactions(LiteDatabase db)
    {
        var engine = Field(typeof(LiteDatabase), "_engine").GetValue(db);
        if (engine is null || engine.GetType().FullName != "LiteDB.Engine.LiteEngine")
        {
            return [];
        }

        var monitor = Field(engine.GetType(), "_monitor").GetValue(engine);
        if (monitor is null || Field(monitor.GetType(), "_transactions").GetValue(monitor) is not IDictionary map)
        {
            return [];
        }

        lock (map)
        {
            var open = new List<object>(map.Count);
            foreach (var transaction in map.Values)
            {
                if (transaction is not null)
                {
                    open.Add(transaction);
                }
            }

            return open;
        }
    }

    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, Private)
        ?? throw new MissingFieldException($"LiteDB {typeof(LiteDatabase).Assembly.GetName().Version} has no field {type.Name}.{name}; review Storage/LiteDbClosing.cs for this version");
}
