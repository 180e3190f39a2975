using System.Runtime.InteropServices;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Tests.Inference;

public sealed class ModelFilesTests
{
    [Theory]
    [InlineData(Architecture.Arm64, false, "sentiment-fp32.onnx")] // Raspberry Pi 4, Cortex-A72
    [InlineData(Architecture.Arm64, true, "sentiment-int8.onnx")]  // Raspberry Pi 5, Cortex-A76
    [InlineData(Architecture.Arm, false, "sentiment-fp32.onnx")]   // 32-bit Raspberry Pi OS
    [InlineData(Architecture.X64, false, "sentiment-int8.onnx")]
    public void FileNameFor_TheCpu_PicksFp32OnlyOnArmWithoutDotProduct(Architecture architecture, bool armDotProduct, string expected) =>
        Assert.Equal(expected, ModelFiles.FileNameFor(architecture, armDotProduct));

    [Fact]
    public void ForThisCpuPath_IsAShippedModelInTheModelsFolder()
    {
        var path = ModelFiles.ForThisCpuPath;

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "models"), Path.GetDirectoryName(path));
        Assert.Contains(Path.GetFileName(path), new[] { ModelFiles.DefaultFileName, ModelFiles.FullPrecisionFileName });
    }
}
