<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that PySide6's qtbase_es catalogue lacks (Qt 6 renamed them) or
     words in Spain's Spanish ("fichero") where U.S. Spanish says "archivo". Loaded after
     qtbase_es, so these win. Edit by hand; `python installer/i18n.py release` builds it. -->
<TS version="2.1" language="es_US">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>&amp;Buscar en:</translation></message>
    <message><source>Look in:</source><translation>Buscar en:</translation></message>
    <message><source>Files of &amp;type:</source><translation>&amp;Tipo de archivo:</translation></message>
    <message><source>Files of type:</source><translation>Tipo de archivo:</translation></message>
    <message><source>File &amp;name:</source><translation>&amp;Nombre del archivo:</translation></message>
    <message><source>All Files (*)</source><translation>Todos los archivos (*)</translation></message>
    <message><source>Show &amp;hidden files</source><translation>Mostrar los archivos &amp;ocultos</translation></message>
    <message><source>%1 already exists.
Do you want to replace it?</source><translation>El archivo %1 ya existe.
¿Desea reemplazarlo?</translation></message>
    <message><source>%1
File not found.
Please verify the correct file name was given.</source><translation>%1
No se encontró el archivo.
Verifique que el nombre del archivo sea correcto.</translation></message>
    <message><source>%1
Directory not found.
Please verify the correct directory name was given.</source><translation>%1
No se encontró la carpeta.
Verifique que el nombre de la carpeta sea correcto.</translation></message>
    <message><source>Directory:</source><translation>Carpeta:</translation></message>
    <message><source>Directories</source><translation>Carpetas</translation></message>
    <message><source>Parent Directory</source><translation>Carpeta superior</translation></message>
    <message><source>Go to the parent directory</source><translation>Ir a la carpeta superior</translation></message>
    <message><source>Could not delete directory.</source><translation>No se pudo borrar la carpeta.</translation></message>
    <message><source>Find Directory</source><translation>Buscar carpeta</translation></message>
    <message><source>My Computer</source><translation>Mi computadora</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Folder</source><comment>All other platforms</comment><translation>Carpeta</translation></message>
    <message><source>File Folder</source><comment>Match Windows Explorer</comment><translation>Carpeta de archivos</translation></message>
    <message><source>%1 File</source><translation>Archivo %1</translation></message>
    <message><source>File</source><translation>Archivo</translation></message>
    <message><source>Drive</source><translation>Unidad</translation></message>
    <message><source>Unknown</source><translation>Desconocido</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Invalid filename</source><translation>Nombre de archivo no válido</translation></message>
    <message><source>Computer</source><translation>Computadora</translation></message>
    <message><source>My Computer</source><translation>Mi computadora</translation></message>
</context>
</TS>
